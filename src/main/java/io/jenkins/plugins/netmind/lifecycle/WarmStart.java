package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.EndpointUrl;
import io.jenkins.plugins.netmind.client.Service;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One deploy's attempt to reuse a warm endpoint ({@link EndpointEngine#reuse}): lease a parked endpoint with the key,
 * let the caller claim it (its record moves to the build), check it, and hand it out; an endpoint that fails its check
 * is deleted (through the teardown, which marks it DELETED only when NetMind confirms it) and the next one is tried.
 * Completes empty when none is left: the caller then creates a fresh endpoint. Never fails. Holds no thread.
 */
final class WarmStart {

    /** The longest a parked endpoint's readiness path may take to answer 2xx before it counts as unfit. */
    static final Duration CHECK_TIMEOUT = Duration.ofMinutes(1);

    private final Env env;
    private final Teardowns teardowns;
    private final WarmPool pool;
    private final WarmPool.Key key;
    private final DeploySpec spec;
    private final WarmPool.Claimer claimer;
    private final Ledger ledger;
    private final LogSink log;
    private final List<WarmPool.Parked> refused = new ArrayList<>();
    private final CompletableFuture<Optional<DeployResult>> result = new CompletableFuture<>();

    WarmStart(
            Env env,
            Teardowns teardowns,
            WarmPool pool,
            WarmPool.Key key,
            DeploySpec spec,
            WarmPool.Claimer claimer,
            Ledger ledger,
            LogSink log) {
        this.env = env;
        this.teardowns = teardowns;
        this.pool = pool;
        this.key = key;
        this.spec = spec;
        this.claimer = claimer;
        this.ledger = ledger;
        this.log = log;
    }

    CompletableFuture<Optional<DeployResult>> start() {
        next();
        return result;
    }

    private void next() {
        Optional<WarmPool.Parked> leased = pool.lease(key);
        if (leased.isEmpty()) {
            refused.forEach(pool::park); // not this build's to take: back to the pool, idle deadline unchanged
            result.complete(Optional.empty());
            return;
        }
        WarmPool.Parked parked = leased.get();
        boolean claimed;
        try {
            claimed = claimer.claim(parked);
        } catch (RuntimeException e) {
            log.log(Messages.Warm_claimFailed(parked.endpoint().name(), parked.serviceId(), Teardowns.messageOf(e)));
            claimed = false;
        }
        if (!claimed) {
            refused.add(parked);
            next();
            return;
        }
        check(parked).whenComplete((ready, failure) -> {
            if (failure == null) {
                handOut(parked, ready);
            } else {
                String why = Teardowns.messageOf(failure);
                log.log(Messages.Warm_checkFailed(parked.endpoint().name(), parked.serviceId(), why));
                // deleted in the background; the ledger keeps it until NetMind confirms it gone
                teardowns.byId(parked.serviceId(), ledger, log);
                next();
            }
        });
    }

    /** A GET that says available, and the readiness path (when set) answering 2xx within {@link #CHECK_TIMEOUT}. */
    private CompletableFuture<DeployResult> check(WarmPool.Parked parked) {
        DeployResult was = parked.endpoint();
        return env.client().getService(parked.serviceId()).thenCompose(service -> {
            if (service.isGone() || !service.isAvailable()) {
                throw new EndpointException(
                        EndpointException.Reason.ENDPOINT_FAILED,
                        service.isGone() ? Messages.Warm_gone() : Messages.Warm_notAvailable(service.status()));
            }
            EndpointUrl url = service.endpointUrl();
            DeployResult ready = new DeployResult(
                    was.serviceId(),
                    was.name(),
                    url.url(),
                    url.key(),
                    was.flavorId(),
                    was.flavorName(),
                    was.instances(),
                    was.pricePerHour(),
                    was.paymentType(),
                    was.createdAt(),
                    was.availableAt(),
                    was.region());
            return probe(ready, service);
        });
    }

    private CompletableFuture<DeployResult> probe(DeployResult ready, Service service) {
        String path = spec.readinessPath();
        if (path == null) {
            return CompletableFuture.completedFuture(ready);
        }
        String base = ready.url().toString();
        URI target = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        Instant now = env.clock().instant();
        Duration limit = spec.timeout().compareTo(CHECK_TIMEOUT) < 0 ? spec.timeout() : CHECK_TIMEOUT;
        WaitLog waitLog = new WaitLog(log, env.clock());
        PollLoop<Integer, Integer> loop = new PollLoop<>(
                env,
                new ReadinessProbe(
                        env, waitLog, ready.name(), target, spec.sendTokenToEndpoint(), now, now.plus(limit)),
                waitLog,
                now,
                now.plus(limit));
        return loop.start(Duration.ZERO).thenApply(status -> ready);
    }

    private void handOut(WarmPool.Parked parked, DeployResult ready) {
        Instant now = env.clock().instant();
        Duration startUp = parked.startUp();
        log.log(Messages.Warm_reusing(
                ready.name(),
                ready.serviceId(),
                Texts.about(Duration.between(parked.parkedAt(), now)),
                startUp == null ? Messages.Warm_unknownStartUp() : Texts.about(startUp),
                ready.url()));
        refused.forEach(pool::park);
        result.complete(Optional.of(ready));
    }
}
