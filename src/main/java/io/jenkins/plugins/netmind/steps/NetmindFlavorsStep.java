package io.jenkins.plugins.netmind.steps;

import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.netmind.client.Flavor;
import io.jenkins.plugins.netmind.connection.Connection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code netmindFlavors}: the GPU flavors NetMind offers, as a list of maps a script can choose from (id, GPU name,
 * region, prices in each currency, capacity left, GPUs per node). Creates nothing.
 */
public final class NetmindFlavorsStep extends Step {

    private String credentialsId;

    /** Lists with the default credential unless told otherwise. */
    @DataBoundConstructor
    public NetmindFlavorsStep() {}

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = EndpointSettings.clean(credentialsId);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, credentialsId);
    }

    /**
     * The maps for {@code flavors}, deleted ones left out: flavorId, gpu, region, usdPerHour, cnyPerHour, nmtPerHour
     * (plain strings, null when NetMind gives no price), capacityLeft and maxGpusPerNode (integers).
     */
    static ArrayList<LinkedHashMap<String, Object>> toMaps(List<Flavor> flavors) {
        ArrayList<LinkedHashMap<String, Object>> maps = new ArrayList<>();
        for (Flavor f : flavors) {
            if (f.deleted()) {
                continue;
            }
            LinkedHashMap<String, Object> map = new LinkedHashMap<>();
            map.put("flavorId", f.flavorId());
            map.put("gpu", f.displayName());
            map.put("region", f.region());
            map.put("usdPerHour", plain(f.price("usd").orElse(null)));
            map.put("cnyPerHour", plain(f.price("cny").orElse(null)));
            map.put("nmtPerHour", plain(f.price("nmt").orElse(null)));
            map.put("capacityLeft", f.availableNum());
            map.put("maxGpusPerNode", f.nodeMaxGpu());
            maps.add(map);
        }
        return maps;
    }

    private static String plain(BigDecimal price) {
        return price == null ? null : price.toPlainString();
    }

    /** Lists the flavors without holding a thread while NetMind answers. */
    static final class Execution extends NetMindExecution {

        private static final long serialVersionUID = 1L;

        Execution(StepContext context, String credentialsId) {
            super(context, credentialsId);
        }

        @Override
        public boolean start() {
            inBackground(this::list);
            return false;
        }

        @Override
        void resume() throws Exception {
            list(); // listing changes nothing: after a restart, simply ask again
        }

        private void list() throws Exception {
            Connection connection = connect();
            connection.client().listFlavors().whenComplete((flavors, failure) -> {
                if (failure != null) {
                    failWith(new AbortException(
                            Messages.NetmindFlavorsStep_failed(connection.apiUrl(), StepFailures.message(failure))));
                    return;
                }
                ArrayList<LinkedHashMap<String, Object>> maps = toMaps(flavors);
                println(Messages.NetmindFlavorsStep_listed(maps.size(), connection.apiUrl()));
                succeed(maps);
            });
        }

        @Override
        public String getStatus() {
            return "listing NetMind flavors";
        }
    }

    /** The {@code netmindFlavors} step. */
    @Extension
    public static final class DescriptorImpl extends NetMindStepDescriptor {

        @Override
        public String getFunctionName() {
            return "netmindFlavors";
        }

        @Override
        public String getDisplayName() {
            return Messages.NetmindFlavorsStep_DisplayName();
        }
    }
}
