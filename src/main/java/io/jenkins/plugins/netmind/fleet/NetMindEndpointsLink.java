package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import io.jenkins.plugins.netmind.record.ControllerCapacity;
import io.jenkins.plugins.netmind.safetynet.SweepReport;
import jakarta.servlet.http.HttpSession;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins » NetMind endpoints ({@code /manage/netmind-endpoints}), for administrators: every live endpoint the
 * controller's connections can see, NetMind's list joined with the registry and classified by the core, with a Delete
 * button on this controller's endpoints, the sweep's last run and a "Sweep now" button.
 */
@Extension
public final class NetMindEndpointsLink extends ManagementLink implements StaplerProxy {

    /** The session attribute that carries the outcome of a Delete or Sweep now to the page it redirects to. */
    private static final String NOTICE = NetMindEndpointsLink.class.getName() + ".notice";

    @Override
    public String getIconFileName() {
        return "symbol-cloud";
    }

    @Override
    public String getDisplayName() {
        return Messages.NetMindEndpointsLink_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.NetMindEndpointsLink_Description();
    }

    @Override
    public String getUrlName() {
        return "netmind-endpoints";
    }

    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    /** Every URL of the page (the page, Delete, Sweep now) is for administrators only. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return this;
    }

    /**
     * The fleet as NetMind lists it now, waiting at most {@link FleetService#PAGE_WAIT} (then the page says NetMind did
     * not answer).
     */
    public FleetView getFleet() throws InterruptedException {
        try {
            return FleetService.gather(FleetService.PAGE_WAIT)
                    .get(FleetService.PAGE_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(Messages.NetMindEndpointsLink_notListed(), e);
        }
    }

    /**
     * What this controller holds live against each limit of the capacity guard (Manage Jenkins » System » NetMind
     * Endpoints), parked endpoints and pending creates included, and how many deploys wait, in words.
     */
    public String getCapacityInUse() {
        return ControllerCapacity.guard().usage().describe();
    }

    /** The sweep's last report, or null before its first run has ended. */
    @CheckForNull
    public SweepReport getLastSweep() {
        return FleetSweeps.lastRun();
    }

    /** The sweep's last run in one line, or that it has not run yet. */
    public String getLastSweepSummary() {
        return FleetSweeps.summary(getLastSweep());
    }

    /** The outcome of the Delete or Sweep now that redirected here, once; null otherwise. */
    @CheckForNull
    public String takeNotice(StaplerRequest2 request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object notice = session.getAttribute(NOTICE);
        session.removeAttribute(NOTICE);
        return notice == null ? null : notice.toString();
    }

    /**
     * Deletes one of this controller's endpoints (owned, parked, orphan or expired) through the lifecycle's teardown
     * and goes back to the page, which says what happened. Another controller's or an unmanaged endpoint is refused.
     */
    @POST
    public HttpResponse doDelete(StaplerRequest2 request, @QueryParameter String serviceId)
            throws InterruptedException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String user = Jenkins.getAuthentication2().getName();
        String notice = serviceId == null || serviceId.isBlank()
                ? Messages.FleetDeletion_notListed("")
                : FleetDeletion.delete(serviceId.trim(), user, FleetService.PAGE_WAIT);
        request.getSession(true).setAttribute(NOTICE, notice);
        return HttpResponses.redirectToDot();
    }

    /** Runs the sweep now and goes back to the page, which shows its result as its last run. */
    @POST
    public HttpResponse doSweepNow(StaplerRequest2 request) throws InterruptedException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        String notice = FleetSweeps.sweepNow(Jenkins.getAuthentication2().getName(), FleetService.PAGE_WAIT);
        request.getSession(true).setAttribute(NOTICE, notice);
        return HttpResponses.redirectToDot();
    }
}
