package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.CreateServiceRequest;
import io.jenkins.plugins.netmind.client.EndpointUrl;
import io.jenkins.plugins.netmind.client.Flavor;
import io.jenkins.plugins.netmind.client.NetMindException;
import io.jenkins.plugins.netmind.client.Scheduler;
import io.jenkins.plugins.netmind.client.Service;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One deploy in progress: resolve the flavor, record the intent, create, wait until available, find the URL, probe
 * the readiness path. Every step is a callback; cancellation and failure are settled by atomic state transitions so
 * that exactly one party cleans up, and the cleanup deletes whatever was created before the result fails.
 */
final class DeployRun {

    private enum State {
        RUNNING,
        SUCCEEDED,
        CLEANING
    }

    /** Failures of create that prove NetMind created nothing. */
    static final Set<NetMindException.Kind> NOT_CREATED = Set.of(
            NetMindException.Kind.BAD_REQUEST,
            NetMindException.Kind.UNAUTHORIZED,
            NetMindException.Kind.RATE_LIMITED,
            NetMindException.Kind.NOT_FOUND,
            NetMindException.Kind.CONNECTION);

    private final Env env;
    private final Teardowns teardowns;
    private final Ledger ledger;
    private final LogSink log;
    private final WaitLog waitLog;
    private final DeploySpec spec;
    private final String name;
    private final Instant startedAt;
    private final Instant deadline;
    private final String readinessPath;
    private final boolean sendToken;
    private final int instances;
    private final String paymentType;
    /** Written into the description; an endpoint found by name is ours only where it matches (null: name alone). */
    private volatile String nonce;

    private volatile String flavorId;
    private volatile String flavorName;
    private volatile String region;
    private volatile BigDecimal pricePerHour;
    private volatile String serviceId;
    private volatile Instant createdAt;
    /** When the create's outcome became unknown (or may have): the list grace period counts from it. */
    private volatile Instant sentAt;

    private volatile boolean cancelRequested;

    /** When this deploy first queued for capacity, before a restart; null for a new deploy. */
    private volatile Instant queuedSince;

    /** The capacity guard's ticket of this deploy, null before it asked (or without a guard). */
    private volatile CapacityGuard.Ticket ticket;

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final AtomicReference<PollLoop<?, ?>> currentWait = new AtomicReference<>();
    private final CompletableFuture<DeployResult> result = new CompletableFuture<>();
    private final CompletableFuture<Void> cleaned = new CompletableFuture<>();

    private DeployRun(Env env, Ledger ledger, LogSink log, DeploySpec spec, ResumeState resume, String name) {
        this.env = env;
        this.teardowns = new Teardowns(env);
        this.ledger = ledger;
        this.log = log;
        this.waitLog = new WaitLog(log, env.clock());
        this.spec = spec;
        this.name = name;
        if (spec != null) {
            this.startedAt = env.clock().instant();
            this.deadline = startedAt.plus(spec.timeout());
            this.readinessPath = spec.readinessPath();
            this.sendToken = spec.sendTokenToEndpoint();
            this.instances = spec.instances();
            this.paymentType = spec.paymentType();
            this.nonce = EndpointNames.nonce(env.random());
        } else {
            this.createdAt = resume.createdAt();
            this.startedAt = resume.createdAt() != null
                    ? resume.createdAt()
                    : env.clock().instant();
            this.deadline = resume.deadline();
            this.readinessPath = resume.readinessPath();
            this.sendToken = resume.sendTokenToEndpoint();
            this.instances = resume.instances();
            this.paymentType = resume.paymentType();
            this.flavorId = resume.flavorId();
            this.flavorName = resume.flavorName();
            this.pricePerHour = resume.pricePerHour();
            this.serviceId = resume.serviceId();
        }
    }

    /** Starts a fresh deploy. */
    static DeployRun start(Env env, DeploySpec spec, Ledger ledger, LogSink log, Instant queuedSince) {
        String name = spec.name() != null ? spec.name() : EndpointNames.generate(spec.owner(), env.random());
        DeployRun run = new DeployRun(env, ledger, log, spec, null, name);
        run.queuedSince = queuedSince;
        chooseFlavor(env, spec)
                .thenCompose(run::admit)
                .thenCompose(run::create)
                .thenCompose(run::awaitAvailable)
                .thenCompose(run::awaitReady)
                .whenComplete(run::finish);
        return run;
    }

    /**
     * Lists NetMind's flavors and chooses the one {@code spec} asks for; fails with an {@link EndpointException} that
     * says what exists when none fits. What a deploy and a dry run ({@link EndpointEngine#plan}) share.
     */
    static CompletableFuture<Flavor> chooseFlavor(Env env, DeploySpec spec) {
        return env.client().listFlavors().handle((flavors, failure) -> {
            if (failure != null) {
                throw new EndpointException(
                        EndpointException.Reason.NETMIND,
                        Messages.Flavor_listFailed(Teardowns.messageOf(failure)),
                        PollLoop.unwrap(failure));
            }
            return FlavorChooser.choose(spec, flavors);
        });
    }

    /** What an endpoint of {@code flavor} as {@code spec} asks holds against the capacity guard's limits. */
    static CapacityGuard.Demand demandOf(DeploySpec spec, Flavor flavor) {
        return new CapacityGuard.Demand(
                spec.instances(), spec.gpuCount(), flavor.price("usd").orElse(null));
    }

    /** Refuses (OVER_LIMIT) an endpoint that would cost more than the spec's {@code maxPricePerHour}. */
    static void checkPriceCeiling(DeploySpec spec, CapacityGuard.Demand demand, String name) {
        BigDecimal ceiling = spec.maxPricePerHour();
        if (ceiling == null) {
            return;
        }
        if (demand.usdPerInstanceHour() == null) {
            throw new EndpointException(
                    EndpointException.Reason.OVER_LIMIT,
                    Messages.Capacity_noStepPrice(name, CapacityGuard.usd(ceiling)));
        }
        if (demand.usdPerHour().compareTo(ceiling) > 0) {
            throw new EndpointException(
                    EndpointException.Reason.OVER_LIMIT,
                    Messages.Capacity_overStepPrice(
                            name,
                            CapacityGuard.usd(demand.usdPerHour()),
                            demand.instances(),
                            CapacityGuard.usd(demand.usdPerInstanceHour()),
                            CapacityGuard.usd(ceiling)));
        }
    }

    /** Re-arms the wait of a deploy interrupted by a restart. */
    static DeployRun resume(Env env, ResumeState state, Ledger ledger, LogSink log) {
        DeployRun run = new DeployRun(env, ledger, log, null, state, state.name());
        LedgerEntry entry = ledger.get(state.name()).filter(LedgerEntry::isLive).orElse(null);
        run.nonce = entry == null ? null : entry.nonce();
        if (run.serviceId == null && entry != null && entry.serviceId() != null) {
            // the ledger learned the id after the state was saved: resume that endpoint, do not look for it
            run.serviceId = entry.serviceId();
            run.createdAt = entry.createdAt();
        } else if (entry != null && entry.state() == LedgerEntry.State.UNKNOWN) {
            // the outcome became unknown before the restart, at the time the entry records
            run.sentAt = entry.recordedAt();
        } else if (entry != null) {
            // an intent: the create may have been in flight (or retried) until the restart, so the grace starts now
            run.sentAt = env.clock().instant();
            ledger.put(entry.withState(entry.state(), run.sentAt));
        }
        log.log(Messages.Deploy_resuming(state.name(), run.serviceId == null ? "?" : run.serviceId));
        CompletableFuture<Service> known = run.serviceId != null
                ? CompletableFuture.completedFuture(null)
                : run.findByName(new EndpointException(
                        EndpointException.Reason.OUTCOME_UNKNOWN, Messages.Deploy_resumeNothing(state.name())));
        known.thenCompose(run::awaitAvailable).thenCompose(run::awaitReady).whenComplete(run::finish);
        return run;
    }

    String name() {
        return name;
    }

    String serviceId() {
        return serviceId;
    }

    CompletableFuture<DeployResult> result() {
        return result;
    }

    /** The place of this deploy in the capacity guard's queue (from 1), 0 when it is not waiting there. */
    int capacityQueuePlace() {
        CapacityGuard.Ticket t = ticket;
        return t == null ? 0 : t.position();
    }

    ResumeState resumeState() {
        return new ResumeState(
                name,
                serviceId,
                deadline,
                readinessPath,
                sendToken,
                flavorId,
                flavorName,
                pricePerHour,
                paymentType,
                instances,
                createdAt);
    }

    /** Asks the run to stop; the future completes once whatever was created is deleted. */
    CompletableFuture<Void> cancel() {
        if (!cancelRequested) {
            cancelRequested = true;
            log.log(Messages.Deploy_cancelling(name));
        }
        PollLoop<?, ?> wait = currentWait.get();
        if (wait != null) {
            wait.stop(cancelled());
        }
        CapacityGuard.Ticket queued = ticket;
        if (queued != null) {
            queued.cancel(cancelled());
        }
        if (state.compareAndSet(State.SUCCEEDED, State.CLEANING)) {
            cleanUp(null);
        }
        return cleaned;
    }

    // ---- steps ----

    /**
     * Checks the spec's price ceiling, then reserves room with the capacity guard: at once, or after waiting in its
     * queue (no thread waits; the wait counts against the deploy's deadline and a cancel leaves the queue).
     */
    private CompletableFuture<Flavor> admit(Flavor flavor) {
        checkCancelled();
        CapacityGuard.Demand demand = demandOf(spec, flavor);
        checkPriceCeiling(spec, demand, name);
        CapacityGuard guard = env.guard();
        if (guard == null) {
            return CompletableFuture.completedFuture(flavor);
        }
        CapacityGuard.Ticket t = guard.reserve(
                CapacityGuard.key(name, nonce), name, demand, spec.failWhenOverCapacity(), log, queuedSince);
        ticket = t;
        if (t.granted().isDone()) {
            if (guard.limits().any()) {
                log.log(Messages.Capacity_inUse(t.granted().join().describe()));
            }
            return CompletableFuture.completedFuture(flavor);
        }
        Instant queuedAt = env.clock().instant();
        Duration left = Duration.between(queuedAt, deadline);
        Scheduler.Handle timer = env.scheduler()
                .schedule(
                        left.isNegative() ? Duration.ZERO : left,
                        () -> t.cancel(new EndpointException(
                                EndpointException.Reason.TIMEOUT,
                                Messages.Capacity_timeout(
                                        name,
                                        Texts.duration(Duration.between(
                                                queuedAt, env.clock().instant()))))));
        if (cancelRequested) {
            t.cancel(cancelled());
        }
        return t.granted().handle((usage, failure) -> {
            timer.cancel();
            if (failure != null) {
                throw asEndpointException(failure);
            }
            log.log(Messages.Capacity_granted(
                    name, Texts.duration(Duration.between(queuedAt, env.clock().instant())), usage.describe()));
            return flavor;
        });
    }

    /**
     * Releases this deploy's reservation when it recorded no intent (refused, cancelled or timed out before): once an
     * intent is recorded, the reservation is released only when the entry is confirmed DELETED.
     */
    private void releaseIfNothingRecorded() {
        CapacityGuard.Ticket t = ticket;
        if (t != null && sentAt == null) {
            t.cancel(cancelled());
            env.guard().release(t.key());
        }
    }

    private CompletableFuture<Service> create(Flavor flavor) {
        checkCancelled();
        flavorId = flavor.flavorId();
        flavorName = flavor.displayName();
        region = flavor.region();
        pricePerHour = flavor.price(paymentType).orElse(null);
        Instant now = env.clock().instant();
        // one atomic step: an intent would overwrite the record of an endpoint that may still exist
        ledger.putIntent(intent(now)).ifPresent(e -> {
            throw new EndpointException(
                    EndpointException.Reason.INVALID_SPEC,
                    Messages.Deploy_nameInUse(name, Objects.toString(e.serviceId(), "-"), e.state()));
        });
        sentAt = now;
        BigDecimal total = pricePerHour == null ? null : pricePerHour.multiply(BigDecimal.valueOf(instances));
        log.log(Messages.Deploy_creating(
                name,
                flavorName,
                Objects.toString(flavor.region(), "-"),
                instances,
                spec.image(),
                Texts.money(total, paymentType)));
        CreateServiceRequest request = new CreateServiceRequest(
                name,
                EndpointNames.description(spec.controllerId(), spec.owner(), now.plus(spec.expiresAfter()), nonce),
                paymentType,
                CreateServiceRequest.Resources.manual(flavorId, instances),
                new CreateServiceRequest.Deployment(spec.image(), spec.command(), spec.port(), spec.gpuCount()));
        return env.client()
                .createService(request)
                .handle((service, failure) ->
                        failure == null ? CompletableFuture.completedFuture(adopt(service)) : createFailed(failure))
                .thenCompose(Function.identity());
    }

    private CompletableFuture<Service> createFailed(Throwable failure) {
        NetMindException e = NetMindException.unwrap(failure);
        EndpointException reported = new EndpointException(
                EndpointException.Reason.NETMIND,
                Messages.Deploy_createFailed(name, Teardowns.messageOf(failure)),
                PollLoop.unwrap(failure));
        if (e != null && NOT_CREATED.contains(e.kind())) {
            markNothingCreated();
            return CompletableFuture.failedFuture(reported);
        }
        // the outcome became unknown now, maybe long after the intent (429s, Retry-After): the grace counts from here
        Instant now = env.clock().instant();
        sentAt = now;
        ledger.get(name)
                .filter(entry -> entry.isLive() && entry.serviceId() == null)
                .ifPresent(entry -> ledger.put(entry.withState(entry.state(), now)));
        log.log(Messages.Deploy_outcomeUnknown(name));
        return findByName(reported);
    }

    /**
     * Looks the endpoint up by name, again and again while NetMind's list may lag behind the create ({@link
     * NameLookup}); fails with {@code notFound} once that shows it was never created, else leaves it UNKNOWN.
     */
    private CompletableFuture<Service> findByName(EndpointException notFound) {
        Instant sent = sentAt != null ? sentAt : Instant.EPOCH;
        return new NameLookup(env, name, nonce, waitLog, sent, deadline)
                .find(this::run)
                .handle((service, failure) -> {
                    if (failure == null) {
                        log.log(Messages.Deploy_foundByName(name, service.serviceId()));
                        return adopt(service);
                    }
                    Throwable t = PollLoop.unwrap(failure);
                    if (t instanceof NameLookup.Missing missing && missing.graceOver()) {
                        markNothingCreated();
                        throw notFound;
                    }
                    if (t instanceof EndpointException e && e.reason() == EndpointException.Reason.CANCELLED) {
                        throw e;
                    }
                    ledger.get(name)
                            .filter(e -> e.serviceId() == null)
                            .ifPresent(e -> ledger.put(e.withState(LedgerEntry.State.UNKNOWN, e.recordedAt())));
                    log.log(Messages.Deploy_unknownLeft(name));
                    String why = t instanceof NameLookup.Missing
                            ? Messages.Deploy_notListedInTime()
                            : Teardowns.messageOf(t);
                    throw new EndpointException(
                            EndpointException.Reason.OUTCOME_UNKNOWN, Messages.Deploy_outcomeUnknownFailed(name, why));
                });
    }

    private void markNothingCreated() {
        ledger.get(name)
                .filter(e -> e.serviceId() == null)
                .ifPresent(e -> ledger.put(
                        e.withState(LedgerEntry.State.DELETED, env.clock().instant())));
    }

    private Service adopt(Service service) {
        Instant now = env.clock().instant();
        serviceId = service.serviceId();
        if (createdAt == null) {
            createdAt = now;
        }
        LedgerEntry entry = ledger.get(name).orElseGet(() -> intent(now));
        ledger.put(entry.created(serviceId, createdAt, now));
        log.log(Messages.Deploy_created(name, serviceId));
        return service;
    }

    /** The ledger entry of a create about to be sent (or sent without a ledger entry to show for it). */
    private LedgerEntry intent(Instant now) {
        return new LedgerEntry(
                name, null, LedgerEntry.State.INTENT, now, flavorId, instances, pricePerHour, paymentType, null, nonce);
    }

    /** {@code first} is the create's answer, or null after a resume (then the first poll is immediate). */
    private CompletableFuture<Available> awaitAvailable(Service first) {
        checkCancelled();
        WaitForAvailable poller = new WaitForAvailable();
        if (first != null) {
            Service done = poller.evaluate(first);
            if (done != null) {
                return CompletableFuture.completedFuture(available(done));
            }
        }
        PollLoop<Service, Service> loop = new PollLoop<>(env, poller, waitLog, startedAt, deadline);
        return run(loop, first == null ? Duration.ZERO : env.policy().initial()).thenApply(this::available);
    }

    private Available available(Service service) {
        Instant now = env.clock().instant();
        EndpointUrl url;
        try {
            url = service.endpointUrl();
        } catch (NetMindException e) {
            throw new EndpointException(
                    EndpointException.Reason.ENDPOINT_FAILED, Messages.Deploy_noUrl(name, e.getMessage()), e);
        }
        waitLog.line(Messages.Deploy_available(name, elapsed(now), url.url()));
        return new Available(url, now);
    }

    private CompletableFuture<DeployResult> awaitReady(Available available) {
        checkCancelled();
        if (readinessPath == null) {
            return CompletableFuture.completedFuture(resultOf(available));
        }
        String base = available.url().url().toString();
        URI target = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + readinessPath);
        waitLog.line(Messages.Deploy_probing(target));
        Instant now = env.clock().instant();
        PollLoop<Integer, Integer> loop = new PollLoop<>(
                env,
                new ReadinessProbe(env, waitLog, name, target, sendToken, startedAt, deadline),
                waitLog,
                now,
                deadline);
        return run(loop, Duration.ZERO).thenApply(status -> {
            waitLog.line(Messages.Deploy_ready(
                    name, target, status, elapsed(env.clock().instant())));
            return resultOf(available);
        });
    }

    private DeployResult resultOf(Available available) {
        return new DeployResult(
                serviceId,
                name,
                available.url().url(),
                available.url().key(),
                flavorId,
                flavorName,
                instances,
                pricePerHour,
                paymentType,
                createdAt,
                available.at(),
                region);
    }

    private <R, T> CompletableFuture<T> run(PollLoop<R, T> loop, Duration firstDelay) {
        currentWait.set(loop);
        if (cancelRequested) {
            loop.stop(cancelled());
        }
        return loop.start(firstDelay);
    }

    // ---- the end ----

    private void finish(DeployResult value, Throwable failure) {
        if (failure == null && !cancelRequested && state.compareAndSet(State.RUNNING, State.SUCCEEDED)) {
            result.complete(value);
            if (cancelRequested && state.compareAndSet(State.SUCCEEDED, State.CLEANING)) {
                cleanUp(null);
            }
            return;
        }
        if (state.compareAndSet(State.RUNNING, State.CLEANING)) {
            cleanUp(cancelRequested ? cancelled() : asEndpointException(failure));
        }
    }

    /** Deletes what was created, then fails the result with {@code failure} (null when it had succeeded). */
    private void cleanUp(EndpointException failure) {
        releaseIfNothingRecorded();
        String id = serviceId;
        CompletableFuture<TeardownReport.Item> teardown;
        if (id == null) {
            teardown = withoutId();
        } else {
            if (failure != null && failure.reason() != EndpointException.Reason.CANCELLED) {
                log.log(Messages.Deploy_cleaningUp(name, failure.getMessage()));
            }
            teardown = teardowns.delete(name, id, ledger.get(name).orElse(null), ledger, log);
        }
        teardown.whenComplete((item, error) -> {
            EndpointException left = item == null || item.isGone()
                    ? null
                    : new EndpointException(EndpointException.Reason.NETMIND, item.message());
            if (failure != null) {
                if (left != null) {
                    failure.addSuppressed(left);
                }
                result.completeExceptionally(failure);
            }
            if (left == null) {
                cleaned.complete(null);
            } else {
                cleaned.completeExceptionally(left);
            }
        });
    }

    /**
     * The cleanup when no service id is known: nothing when the create was not sent or was refused; a lookup by name
     * (a teardown of the ledger entry) when a stop cut the lookup short; a failure when the entry is left UNKNOWN.
     */
    private CompletableFuture<TeardownReport.Item> withoutId() {
        LedgerEntry entry = sentAt == null
                ? null
                : ledger.get(name)
                        .filter(e -> e.isLive() && e.serviceId() == null)
                        .orElse(null);
        if (entry == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (entry.state() == LedgerEntry.State.UNKNOWN) {
            return CompletableFuture.completedFuture(new TeardownReport.Item(
                    name,
                    null,
                    TeardownReport.Outcome.FAILED,
                    null,
                    null,
                    paymentType,
                    Messages.Deploy_unknownLeft(name)));
        }
        return teardowns.entry(entry, ledger, log);
    }

    private EndpointException cancelled() {
        return new EndpointException(EndpointException.Reason.CANCELLED, Messages.Deploy_cancelled(name));
    }

    private void checkCancelled() {
        if (cancelRequested) {
            throw cancelled();
        }
    }

    private EndpointException asEndpointException(Throwable failure) {
        Throwable t = PollLoop.unwrap(failure);
        if (t instanceof EndpointException e) {
            return e;
        }
        return new EndpointException(
                EndpointException.Reason.NETMIND, Messages.Deploy_failed(name, Teardowns.messageOf(t)), t);
    }

    private String elapsed(Instant now) {
        return Texts.duration(Duration.between(startedAt, now));
    }

    private record Available(EndpointUrl url, Instant at) {}

    /** GET until available; a line per status change; a terminal status or a vanished endpoint fails at once. */
    private final class WaitForAvailable implements Poller<Service, Service> {
        private volatile String lastStatus = "";
        private volatile String lastFailure = "";
        private final Set<String> unknownStatuses = ConcurrentHashMap.newKeySet();

        @Override
        public CompletableFuture<Service> call() {
            return env.client().getService(serviceId);
        }

        @Override
        public Service evaluate(Service s) {
            EndpointStates.failIfGone(s, name, serviceId);
            String status = EndpointStates.statusOf(s);
            if (!status.equals(lastStatus)) {
                lastStatus = status;
                if (s.isAvailable()) {
                    return s;
                }
                String info = s.statusInfoText();
                String elapsed = elapsed(env.clock().instant());
                waitLog.line(
                        info.isEmpty()
                                ? Messages.Deploy_status(name, status, elapsed)
                                : Messages.Deploy_statusWithInfo(name, status, elapsed, info));
            }
            EndpointStates.failIfTerminal(s, name);
            EndpointStates.noteUnknown(s, name, unknownStatuses, waitLog);
            return s.isAvailable() ? s : null;
        }

        @Override
        public Optional<Duration> tolerate(Throwable failure) {
            NetMindException e = NetMindException.unwrap(failure);
            if (e != null && e.kind() == NetMindException.Kind.NOT_FOUND) {
                throw EndpointStates.vanished(name, serviceId);
            }
            if (e == null || !e.isRetryable()) {
                throw new EndpointException(
                        EndpointException.Reason.NETMIND,
                        Messages.Deploy_waitFailed(name, Teardowns.messageOf(failure)),
                        PollLoop.unwrap(failure));
            }
            lastFailure = e.getMessage();
            return e.retryAfter();
        }

        @Override
        public RuntimeException timedOut() {
            String last = lastStatus.isEmpty() ? lastFailure : lastStatus;
            return new EndpointException(
                    EndpointException.Reason.TIMEOUT,
                    Messages.Deploy_timeout(name, Texts.duration(Duration.between(startedAt, deadline)), last));
        }

        @Override
        public void heartbeat(Duration waited) {
            waitLog.line(Messages.Deploy_heartbeat(
                    name, lastStatus, elapsed(env.clock().instant())));
        }
    }
}
