package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.client.Service;
import io.jenkins.plugins.netmind.client.ServiceList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Looks an endpoint up by name in NetMind's list after a create whose answer was lost. NetMind's list may lag behind a
 * create, so a miss is only final once the list grace period has passed since the create was sent: until then (and
 * until the deploy's deadline) the list is asked again with backoff, through the scheduler. The future completes with
 * the service, or fails with {@link Missing} (not listed) or an {@link EndpointException} (no list, or it failed).
 */
final class NameLookup implements Poller<ServiceList, Service> {

    /**
     * The name was not listed; {@code graceOver} when a list asked after the grace period had ended did not show it,
     * so nothing was created (a list asked earlier but answered late proves nothing).
     */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean graceOver;

        Missing(String name, boolean graceOver) {
            super(name, null, false, false);
            this.graceOver = graceOver;
        }

        /** Whether the list grace period had passed: the endpoint was never created. */
        boolean graceOver() {
            return graceOver;
        }
    }

    private final Env env;
    private final String name;
    private final String nonce;
    private final WaitLog log;
    private final Instant graceEnd;
    private final Instant until;
    private final Instant shownUntil;
    /** When the list last asked was asked: its answer shows NetMind as of then, however late it arrives. */
    private volatile Instant lastAsked = Instant.MIN;

    private volatile String lastFailure = "";

    /**
     * @param nonce the deploy's nonce: only a service whose description carries it is ours (null: the name alone)
     * @param sentAt when the create's outcome became unknown (the last moment it may have been sent)
     * @param deadline the deploy's deadline: the lookup gives up then even within the grace period
     */
    NameLookup(Env env, String name, String nonce, WaitLog log, Instant sentAt, Instant deadline) {
        this.env = env.withPolicy(backoff(env.policy()));
        this.name = name;
        this.nonce = nonce;
        this.log = log;
        this.graceEnd = sentAt.plus(env.listGrace());
        // a miss is final only in a list asked after the grace ended: the last poll goes out just after it
        Instant last = graceEnd.plus(env.policy().initial());
        this.until = last.isBefore(deadline) ? last : deadline;
        this.shownUntil = graceEnd.isBefore(deadline) ? graceEnd : deadline;
    }

    /**
     * Asks once, then keeps asking in a {@link PollLoop} started by {@code runner} (so the caller can stop it) while
     * the name is missing and time is left.
     */
    CompletableFuture<Service> find(
            BiFunction<PollLoop<ServiceList, Service>, Duration, CompletableFuture<Service>> runner) {
        lastAsked = env.clock().instant();
        return env.client()
                .listServices()
                .handle((list, failure) -> {
                    Service found = failure == null ? evaluate(list) : null;
                    if (failure != null) {
                        tolerate(PollLoop.unwrap(failure));
                    }
                    if (found != null) {
                        return CompletableFuture.completedFuture(found);
                    }
                    Instant now = env.clock().instant();
                    if (!now.isBefore(until)) {
                        throw timedOut();
                    }
                    if (failure == null) {
                        log.line(Messages.Deploy_notListedYet(name, Texts.duration(Duration.between(now, shownUntil))));
                    }
                    return runner.apply(
                            new PollLoop<>(env, this, log, now, until),
                            env.policy().initial());
                })
                .thenCompose(Function.identity());
    }

    /** Each wait half the time waited so far (1.5 times the last): listing every service costs more than a GET. */
    private static PollPolicy backoff(PollPolicy p) {
        return new PollPolicy(p.initial(), 1.0 / 3, p.max(), p.jitter(), p.heartbeat());
    }

    @Override
    public CompletableFuture<ServiceList> call() {
        lastAsked = env.clock().instant();
        return env.client().listServices();
    }

    @Override
    public Service evaluate(ServiceList list) {
        lastFailure = "";
        if (!list.supported()) {
            throw new EndpointException(EndpointException.Reason.OUTCOME_UNKNOWN, Messages.Deploy_noListRoute());
        }
        List<Service> found = listed(list, name, nonce);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The live services with an id that carry {@code name} in the list and, unless {@code nonce} is null, this
     * deploy's nonce in their description: another build's endpoint of the same name is never taken for ours.
     */
    static List<Service> listed(ServiceList list, String name, String nonce) {
        return list.services().stream()
                .filter(s -> name.equals(s.name()) && !s.isGone() && s.serviceId() != null)
                .filter(s -> EndpointNames.matches(s.description(), nonce))
                .toList();
    }

    @Override
    public Optional<Duration> tolerate(Throwable failure) {
        NetMindException e = NetMindException.unwrap(failure);
        if (e == null || !e.isRetryable()) {
            throw new EndpointException(
                    EndpointException.Reason.OUTCOME_UNKNOWN, Teardowns.messageOf(failure), failure);
        }
        lastFailure = e.getMessage();
        return e.retryAfter();
    }

    @Override
    public RuntimeException timedOut() {
        if (!lastFailure.isEmpty()) {
            return new EndpointException(EndpointException.Reason.OUTCOME_UNKNOWN, lastFailure);
        }
        return new Missing(name, !lastAsked.isBefore(graceEnd));
    }

    @Override
    public void heartbeat(Duration waited) {
        log.line(Messages.Deploy_lookupHeartbeat(name, Texts.duration(waited)));
    }
}
