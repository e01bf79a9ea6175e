package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.client.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scales an endpoint and waits for the new state: the new instance count targeted and the status available again.
 * An {@code available} seen before NetMind showed any other status after the update may be the old state, so it only
 * counts once it has been seen {@value #STABLE_POLLS} times in a row.
 */
final class ScaleRun implements Poller<Service, Service> {

    private static final int STABLE_POLLS = 3;

    private final Env env;
    private final ScaleSpec spec;
    private final Ledger ledger;
    private final WaitLog log;
    private final Instant start;
    private volatile String name;
    private volatile String lastStatus = "";
    private volatile Integer lastCount;
    private volatile boolean sawTransition;
    private int stable;
    private final Set<String> unknownStatuses = ConcurrentHashMap.newKeySet();

    private ScaleRun(Env env, ScaleSpec spec, Ledger ledger, LogSink log) {
        this.env = env;
        this.spec = spec;
        this.ledger = ledger;
        this.log = new WaitLog(log, env.clock());
        this.start = env.clock().instant();
        this.name = ledger == null
                ? spec.serviceId()
                : ledger.findByServiceId(spec.serviceId())
                        .map(LedgerEntry::name)
                        .orElse(spec.serviceId());
    }

    static CompletableFuture<ScaleResult> start(Env env, ScaleSpec spec, Ledger ledger, LogSink log) {
        ScaleRun run = new ScaleRun(env, spec, ledger, log);
        Runnable undo;
        try {
            undo = run.reserve();
        } catch (EndpointException e) {
            return CompletableFuture.failedFuture(e); // refused by the capacity guard: nothing was sent
        }
        run.log.line(Messages.Scale_requested(run.name, spec.instances()));
        return env.client()
                .scaleService(spec.serviceId(), spec.instances())
                .handle((service, failure) -> {
                    if (failure != null) {
                        NetMindException e = NetMindException.unwrap(failure);
                        if (e != null && DeployRun.NOT_CREATED.contains(e.kind())) {
                            undo.run(); // NetMind refused it: the endpoint keeps its count
                        }
                        throw new EndpointException(
                                EndpointException.Reason.NETMIND,
                                Messages.Scale_failed(run.name, Teardowns.messageOf(failure)),
                                PollLoop.unwrap(failure));
                    }
                    return service;
                })
                .thenCompose(run::afterUpdate);
    }

    /**
     * Resizes the endpoint's reservation with the capacity guard before the scale is sent (refused with OVER_LIMIT
     * when the new count is over a limit, or a scale up does not fit now); returns what puts the old count back.
     */
    private Runnable reserve() {
        CapacityGuard guard = env.guard();
        if (guard == null) {
            return () -> {};
        }
        String key = ledger == null
                ? null
                : ledger.findByServiceId(spec.serviceId())
                        .map(CapacityGuard::key)
                        .orElse(null);
        Optional<Integer> before = guard.resize(key, name, spec.instances());
        return () -> before.ifPresent(
                count -> guard.reservation(key).ifPresent(held -> guard.restore(key, held.withInstances(count))));
    }

    private CompletableFuture<ScaleResult> afterUpdate(Service updated) {
        if (ledger != null) {
            ledger.findByServiceId(spec.serviceId())
                    .ifPresent(e -> ledger.put(
                            e.withInstances(spec.instances(), env.clock().instant())));
        }
        note(updated);
        if (!spec.waitUntilReady()) {
            return CompletableFuture.completedFuture(result(updated));
        }
        return new PollLoop<>(env, this, log, start, start.plus(spec.timeout()))
                .start(env.policy().initial())
                .thenApply(this::result);
    }

    private ScaleResult result(Service s) {
        Duration waited =
                spec.waitUntilReady() ? Duration.between(start, env.clock().instant()) : Duration.ZERO;
        if (spec.waitUntilReady()) {
            log.line(Messages.Scale_done(name, spec.instances(), Texts.duration(waited)));
        }
        return new ScaleResult(spec.serviceId(), name, spec.instances(), EndpointStates.statusOf(s), waited);
    }

    private void note(Service s) {
        if (s.name() != null && name.equals(spec.serviceId())) {
            name = s.name();
        }
        if (!s.isAvailable()) {
            sawTransition = true;
        }
        lastCount = s.resourceMetadata().targetInstanceNumber();
    }

    @Override
    public CompletableFuture<Service> call() {
        return env.client().getService(spec.serviceId());
    }

    @Override
    public Service evaluate(Service s) {
        EndpointStates.failIfGone(s, name, spec.serviceId());
        note(s);
        String status = EndpointStates.statusOf(s);
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            log.line(
                    Messages.Scale_status(name, status, lastCount == null ? "?" : lastCount, Texts.duration(waited())));
        }
        EndpointStates.noteUnknown(s, name, unknownStatuses, log);
        EndpointStates.failIfTerminal(s, name);
        boolean reached = s.isAvailable() && Objects.equals(lastCount, spec.instances());
        stable = reached ? stable + 1 : 0;
        return reached && (sawTransition || stable >= STABLE_POLLS) ? s : null;
    }

    @Override
    public Optional<Duration> tolerate(Throwable failure) {
        NetMindException e = NetMindException.unwrap(failure);
        if (e != null && e.kind() == NetMindException.Kind.NOT_FOUND) {
            throw EndpointStates.vanished(name, spec.serviceId());
        }
        if (e == null || !e.isRetryable()) {
            throw new EndpointException(
                    EndpointException.Reason.NETMIND,
                    Messages.Scale_failed(name, Teardowns.messageOf(failure)),
                    PollLoop.unwrap(failure));
        }
        return e.retryAfter();
    }

    @Override
    public RuntimeException timedOut() {
        return new EndpointException(
                EndpointException.Reason.TIMEOUT,
                Messages.Scale_timeout(
                        name,
                        spec.instances(),
                        Texts.duration(spec.timeout()),
                        lastStatus.isEmpty() ? "-" : lastStatus,
                        lastCount == null ? "?" : String.valueOf(lastCount)));
    }

    @Override
    public void heartbeat(Duration waited) {
        log.line(Messages.Scale_heartbeat(name, lastStatus, Texts.duration(waited)));
    }

    private Duration waited() {
        return Duration.between(start, env.clock().instant());
    }
}
