package io.jenkins.plugins.netmind.fleet;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.netmind.client.Deadlines;
import io.jenkins.plugins.netmind.client.Flavor;
import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.client.Service;
import io.jenkins.plugins.netmind.client.ServiceList;
import io.jenkins.plugins.netmind.connection.Connection;
import io.jenkins.plugins.netmind.lifecycle.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Asks NetMind, through each connection at once, for its services and flavors. Holds no thread while NetMind answers:
 * the answers are futures, each bounded so that one slow connection cannot hold the others back.
 */
final class FleetListing {

    private FleetListing() {}

    /**
     * What one connection answered: its services and flavors, or why there are none.
     *
     * @param target the connection
     * @param connection the client it was listed with; null when it could not connect
     * @param services the services listed; when NetMind has no list route, not supported and holding the endpoints
     *     this controller recorded with the connection (asked for one by one); empty when the call failed
     * @param flavors the flavors, empty when they could not be listed
     * @param problem what the page and the step say about this connection, or null when all went well
     */
    record Answer(
            FleetConnections.Target target,
            @CheckForNull Connection connection,
            ServiceList services,
            List<Flavor> flavors,
            @CheckForNull String problem) {}

    /**
     * Lists through every target in parallel. The future never fails: a connection that cannot connect, fails or does
     * not answer within {@code bound} gives an answer with a problem. Connecting (the credential lookup) runs on the
     * calling thread.
     */
    static CompletableFuture<List<Answer>> list(List<FleetConnections.Target> targets, Duration bound) {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (FleetConnections.Target target : targets) {
            answers.add(list(target, bound));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(
                        ignored -> answers.stream().map(CompletableFuture::join).toList());
    }

    private static CompletableFuture<Answer> list(FleetConnections.Target target, Duration bound) {
        Connection connection;
        try {
            connection = target.connect();
        } catch (AbortException | RuntimeException e) {
            return CompletableFuture.completedFuture(
                    failed(target, null, Messages.FleetListing_cannotConnect(target.label(), e.getMessage())));
        }
        CompletableFuture<ServiceList> services = connection.client().listServices();
        // without flavors the services are still shown, their prices unknown
        CompletableFuture<FlavorsOrProblem> flavors = connection
                .client()
                .listFlavors()
                .thenApply(f -> new FlavorsOrProblem(f, null))
                .exceptionally(failure -> new FlavorsOrProblem(
                        List.of(), Messages.FleetListing_noFlavors(target.label(), message(failure))));
        CompletableFuture<Answer> both = services.thenCompose(
                        s -> s.supported() ? CompletableFuture.completedFuture(s) : recorded(target, connection))
                .thenCombine(flavors, (s, f) -> answer(target, connection, s, f));
        return Deadlines.bound(both, bound, () -> new TimeoutException(Texts.duration(bound)))
                .exceptionally(failure -> failed(target, connection, problem(target, failure)));
    }

    private record FlavorsOrProblem(
            List<Flavor> flavors, @CheckForNull String problem) {}

    /**
     * Without a list route: the endpoints this controller recorded with {@code target}, each asked for by its id (one
     * NetMind does not know any more, or that cannot be read now, is left out). Marked as not listed.
     */
    private static CompletableFuture<ServiceList> recorded(FleetConnections.Target target, Connection connection) {
        List<CompletableFuture<Service>> gets = new ArrayList<>();
        for (String serviceId : FleetConnections.recordedWith(target)) {
            gets.add(connection.client().getService(serviceId).exceptionally(failure -> null));
        }
        return CompletableFuture.allOf(gets.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> new ServiceList(
                        false,
                        gets.stream()
                                .map(CompletableFuture::join)
                                .filter(Objects::nonNull)
                                .toList()));
    }

    private static Answer answer(
            FleetConnections.Target target, Connection connection, ServiceList services, FlavorsOrProblem flavors) {
        String problem = services.supported() ? flavors.problem() : Messages.FleetListing_noListRoute(target.label());
        return new Answer(target, connection, services, flavors.flavors(), problem);
    }

    private static Answer failed(FleetConnections.Target target, @CheckForNull Connection connection, String problem) {
        return new Answer(target, connection, ServiceList.unsupported(), List.of(), problem);
    }

    private static String problem(FleetConnections.Target target, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return Messages.FleetListing_timedOut(target.label(), cause.getMessage());
        }
        return Messages.FleetListing_failed(target.label(), message(cause));
    }

    /** NetMind's message (method, path, status and what to do), or the failure's own. */
    private static String message(Throwable failure) {
        NetMindException netmind = NetMindException.unwrap(failure);
        if (netmind != null) {
            return netmind.getMessage();
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return String.valueOf(cause.getMessage());
    }
}
