package io.jenkins.plugins.netmind.connection;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.Scheduler;
import io.jenkins.plugins.netmind.config.NetMindGlobalConfiguration;
import io.jenkins.plugins.netmind.config.SettingChecks;
import io.jenkins.plugins.netmind.lifecycle.EndpointEngine;
import io.jenkins.plugins.netmind.record.ControllerCapacity;
import io.jenkins.plugins.netmind.record.NetMindLedgers;
import io.jenkins.plugins.netmind.record.RecordedConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The only door from the steps to NetMind: turns a credentials id into a token, Jenkins' proxy settings into an HTTP
 * client, and builds the client and lifecycle engine on the shared timer.
 */
public final class NetMindConnector {

    /** How long opening a TCP connection to NetMind may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private NetMindConnector() {}

    /**
     * Connects for a build with the global API URL. {@code credentialsId} may be null or blank: the global default is
     * used. The Secret text credential is looked up for the build (so folder-scoped credentials work) and tracked.
     * Endpoints the build records through {@link NetMindLedgers#forRun(Run, Connection)} note the connection's
     * credentials id and API URL, so that they are deleted with the same connection later.
     *
     * @throws AbortException with a message saying what to fix when no id is given and there is no default, when the
     *     id is unknown, when the credential is not Secret text, or when the configured API URL is not acceptable
     */
    public static Connection connect(Run<?, ?> run, @CheckForNull String credentialsId) throws AbortException {
        return connectAs(run, new RecordedConnection(credentialsId, null));
    }

    /**
     * Connects for a build as {@code recorded} names it: its credential (or the global default) and its API URL (or
     * the global one). For deleting or scaling an endpoint with the connection it was created with.
     *
     * @throws AbortException as {@link #connect(Run, String)}
     */
    public static Connection connectAs(Run<?, ?> run, RecordedConnection recorded) throws AbortException {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        String id = idOrDefault(recorded.credentialsId(), config);
        StringCredentials credential = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        if (credential == null) {
            StandardCredentials other = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
            throw new AbortException(describeMissing(id, other));
        }
        CredentialsProvider.track(run, credential);
        String apiUrl = recorded.apiUrl() != null ? recorded.apiUrl() : config.getApiUrl();
        return build(credential.getSecret().getPlainText(), apiUrl, id);
    }

    /**
     * Connects with a token given directly, for the configuration form's "Test connection".
     *
     * @throws IllegalArgumentException with a user-facing message when {@code apiUrl} is not acceptable, or when
     *     Jenkins' proxy settings would keep the token from reaching NetMind ({@link ProxyCheck})
     */
    public static Connection connectWith(String secret, String apiUrl) {
        URI uri = SettingChecks.parseApiUrl(apiUrl);
        Optional<String> proxyProblem = proxyProblem(uri);
        if (proxyProblem.isPresent()) {
            throw new IllegalArgumentException(proxyProblem.get());
        }
        return newConnection(secret, uri, null);
    }

    /**
     * Connects for a form of {@code item} (its "Validate" button): the credential {@code credentialsId} names (or the
     * global default) as the item's builds would find it, with their authentication, and the global API URL. Without
     * an item (the global Pipeline Syntax page), Jenkins-wide credentials only. Not tracked: no build uses it.
     *
     * @throws AbortException as {@link #connect(Run, String)}
     */
    public static Connection connectForItem(@CheckForNull Item item, @CheckForNull String credentialsId)
            throws AbortException {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        String id = idOrDefault(credentialsId, config);
        StringCredentials credential;
        StandardCredentials other;
        if (item != null) {
            credential = CredentialsProvider.findCredentialByIdInItem(
                    id, StringCredentials.class, item, authenticationOf(item), List.of());
            other = CredentialsProvider.findCredentialByIdInItem(
                    id, StandardCredentials.class, item, authenticationOf(item), List.of());
        } else {
            credential = CredentialsProvider.findCredentialByIdInItemGroup(
                    id, StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
            other = CredentialsProvider.findCredentialByIdInItemGroup(
                    id, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        }
        if (credential == null) {
            throw new AbortException(describeMissing(id, other));
        }
        return build(credential.getSecret().getPlainText(), config.getApiUrl(), id);
    }

    /**
     * Connects for the safety net: the credential a build recorded, looked up for that build when it still exists,
     * else in its job (or folder) as the job's builds run (its default authentication, as the credentials plugin looks
     * up a build's credentials: a job that may not use a credential does not get it used on its behalf), else
     * globally. Not tracked.
     */
    public static Connection connectForCleanup(
            @CheckForNull Run<?, ?> run,
            @CheckForNull String jobFullName,
            @CheckForNull String credentialsId,
            @CheckForNull String apiUrl)
            throws AbortException {
        NetMindGlobalConfiguration config = NetMindGlobalConfiguration.get();
        String id = idOrDefault(credentialsId, config);
        StringCredentials credential = findForCleanup(id, run, jobFullName);
        if (credential == null) {
            throw new AbortException(Messages.NetMindConnector_unknownCredentials(id));
        }
        String url = apiUrl != null ? apiUrl : config.getApiUrl();
        return build(credential.getSecret().getPlainText(), url, id);
    }

    /** {@code credentialsId} when given, else the global default. */
    private static String idOrDefault(@CheckForNull String credentialsId, NetMindGlobalConfiguration config)
            throws AbortException {
        String id = SettingChecks.blankToNull(credentialsId);
        if (id == null) {
            id = SettingChecks.blankToNull(config.getCredentialsId());
        }
        if (id == null) {
            throw new AbortException(Messages.NetMindConnector_noCredentialsId());
        }
        return id;
    }

    private static StringCredentials findForCleanup(String id, Run<?, ?> run, String jobFullName) {
        if (run != null) {
            return CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        }
        Jenkins jenkins = Jenkins.get();
        Item job = jobFullName == null ? null : jenkins.getItemByFullName(jobFullName);
        if (job != null) {
            return CredentialsProvider.findCredentialByIdInItem(
                    id, StringCredentials.class, job, authenticationOf(job), List.of());
        }
        return CredentialsProvider.findCredentialByIdInItemGroup(
                id, StringCredentials.class, jenkins, ACL.SYSTEM2, List.of());
    }

    /** Who the job's builds run as: the credentials plugin's rule for a build's lookups. */
    private static Authentication authenticationOf(Item job) {
        return job instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    /** What keeps the token from reaching {@code uri} through Jenkins' proxy, if anything ({@link ProxyCheck}). */
    private static Optional<String> proxyProblem(URI uri) {
        return ProxyCheck.problem(Jenkins.get().getProxy(), uri);
    }

    private static String describeMissing(String id, @CheckForNull StandardCredentials other) {
        if (other == null) {
            return Messages.NetMindConnector_unknownCredentials(id);
        }
        return Messages.NetMindConnector_wrongKind(id, other.getDescriptor().getDisplayName());
    }

    private static Connection build(String token, String apiUrl, String credentialsId) throws AbortException {
        URI uri;
        try {
            uri = SettingChecks.parseApiUrl(apiUrl);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        Optional<String> proxyProblem = proxyProblem(uri);
        if (proxyProblem.isPresent()) {
            throw new AbortException(proxyProblem.get());
        }
        return newConnection(token, uri, credentialsId);
    }

    private static Connection newConnection(String token, URI baseUrl, String credentialsId) {
        Scheduler scheduler = TimerScheduler.on(Timer.get());
        NetMindClient client = NetMindClient.builder(token)
                .baseUrl(baseUrl)
                .httpClient(SharedHttpClient.current())
                .connectTimeout(CONNECT_TIMEOUT)
                .scheduler(scheduler)
                .build();
        EndpointEngine engine = EndpointEngine.builder(client)
                .scheduler(scheduler)
                .guard(ControllerCapacity.guard()) // one guard for every engine of the controller (issue 12)
                .build();
        return new Connection(engine, client, credentialsId, baseUrl.toString(), token);
    }
}
