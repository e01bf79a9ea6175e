package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The endpoint lifecycle: deploy (choose a flavor and a name, record the intent, create, wait, probe), scale, and tear
 * down, leaving nothing behind. Everything is asynchronous: no method blocks and no thread is held while waiting.
 * Jenkins-free; the steps are thin wrappers around it.
 */
public final class EndpointEngine {

    private final Env env;
    private final Teardowns teardowns;

    private EndpointEngine(Env env) {
        this.env = env;
        this.teardowns = new Teardowns(env);
    }

    /** A builder over {@code client}; set a scheduler in production (the Jenkins timer). */
    public static Builder builder(NetMindClient client) {
        return new Builder(client);
    }

    /**
     * Starts a deploy and returns at once. Invalid settings were already refused by {@link DeploySpec}; NetMind's
     * problems fail {@link Deployment#result()}.
     */
    public Deployment deploy(DeploySpec spec, Ledger ledger, LogSink log) {
        return deploy(spec, ledger, log, null);
    }

    /**
     * As {@link #deploy(DeploySpec, Ledger, LogSink)}, for a deploy that was waiting in the capacity guard's queue since
     * {@code queuedSince} when the controller restarted: it queues again ahead of later requests (null: a new deploy).
     */
    public Deployment deploy(DeploySpec spec, Ledger ledger, LogSink log, Instant queuedSince) {
        Objects.requireNonNull(spec, "spec");
        LogSink safe = Guarded.log(Objects.requireNonNull(log));
        return new Deployment(DeployRun.start(env, spec, ledger(ledger, safe), safe, queuedSince));
    }

    /**
     * A dry run of {@link #deploy}: resolves what a deploy would (the name, the flavor by id or by GPU name and region,
     * its capacity left and the price in the payment currency) and creates nothing: it only lists the flavors, records
     * nothing and sends no create. Fails as a deploy would before creating (the same {@link EndpointException} and
     * message: unknown GPU, no capacity, flavors not listable). Logs one line saying that it was a dry run.
     */
    public CompletableFuture<DeployPlan> plan(DeploySpec spec, LogSink log) {
        Objects.requireNonNull(spec, "spec");
        LogSink safe = Guarded.log(Objects.requireNonNull(log));
        String name = spec.name() != null ? spec.name() : EndpointNames.generate(spec.owner(), env.random());
        return DeployRun.chooseFlavor(env, spec).thenApply(flavor -> {
            CapacityGuard.Demand demand = DeployRun.demandOf(spec, flavor);
            DeployRun.checkPriceCeiling(spec, demand, name);
            CapacityGuard guard = env.guard();
            boolean waits = guard != null && !guard.check(demand, name);
            CapacityGuard.Usage usage = guard == null ? null : guard.usage();
            DeployPlan plan = new DeployPlan(
                    name,
                    env.client().baseUrl(),
                    flavor.flavorId(),
                    flavor.displayName(),
                    flavor.region(),
                    flavor.availableNum(),
                    flavor.nodeMaxGpu(),
                    spec.instances(),
                    spec.gpuCount(),
                    flavor.price(spec.paymentType()).orElse(null),
                    spec.paymentType(),
                    usage,
                    waits);
            safe.log(Messages.Deploy_dryRun(
                    name,
                    plan.flavorName(),
                    Objects.toString(plan.region(), "-"),
                    plan.instances(),
                    spec.image(),
                    Texts.money(plan.totalPerHour(), plan.paymentType()),
                    plan.capacityLeft(),
                    plan.flavorId()));
            if (usage != null && usage.limits().any()) {
                safe.log(Messages.Capacity_dryRun(
                        usage.describe(), waits ? Messages.Capacity_dryRunWaits() : Messages.Capacity_dryRunStarts()));
            }
            return plan;
        });
    }

    /**
     * Tries to reuse a warm endpoint instead of deploying: leases the most recently parked endpoint with {@code key}
     * from {@code pool}, lets {@code claimer} take it over for the build (its record moves into the build's {@code
     * ledger}), and checks it: a GET must say available and the spec's readiness path, when set, must answer 2xx
     * (within a minute, at most the spec's timeout). A fit endpoint is handed out: the result has the same shape as a
     * fresh deploy's and the log says how long it was parked and about how much start-up it saved. An unfit one is
     * deleted in the background (DELETED in the ledger only once NetMind confirms it) and the next one is tried. An
     * endpoint the claimer refuses goes back to the pool. Completes empty when no endpoint was handed out (then
     * deploy); never fails; holds no thread.
     */
    public CompletableFuture<Optional<DeployResult>> reuse(
            WarmPool pool, WarmPool.Key key, DeploySpec spec, WarmPool.Claimer claimer, Ledger ledger, LogSink log) {
        LogSink safe = Guarded.log(Objects.requireNonNull(log));
        return new WarmStart(
                        env,
                        teardowns,
                        Objects.requireNonNull(pool, "pool"),
                        Objects.requireNonNull(key, "key"),
                        Objects.requireNonNull(spec, "spec"),
                        Objects.requireNonNull(claimer, "claimer"),
                        Guarded.ledger(Objects.requireNonNull(ledger), safe),
                        safe)
                .start();
    }

    /** Re-arms the wait of a deploy after a restart, from the state saved before it. */
    public Deployment resume(ResumeState state, Ledger ledger, LogSink log) {
        Objects.requireNonNull(state, "state");
        LogSink safe = Guarded.log(Objects.requireNonNull(log));
        return new Deployment(DeployRun.resume(env, state, ledger(ledger, safe), safe));
    }

    /** Sets the instance count and, when asked, waits until NetMind shows the new state available. */
    public CompletableFuture<ScaleResult> scale(ScaleSpec spec, LogSink log) {
        return ScaleRun.start(env, Objects.requireNonNull(spec), null, Guarded.log(Objects.requireNonNull(log)));
    }

    /** Like {@link #scale(ScaleSpec, LogSink)}, and records the new count in the ledger (for the cost estimate). */
    public CompletableFuture<ScaleResult> scale(ScaleSpec spec, Ledger ledger, LogSink log) {
        LogSink safe = Guarded.log(Objects.requireNonNull(log));
        return ScaleRun.start(env, Objects.requireNonNull(spec), ledger(ledger, safe), safe);
    }

    /**
     * Deletes these endpoints in parallel and confirms each gone. Never fails: what could not be deleted is in
     * {@link TeardownReport#failures()} (and stays in the ledger).
     */
    public CompletableFuture<TeardownReport> teardown(Collection<String> serviceIds, Ledger ledger, LogSink log) {
        LogSink safe = Guarded.log(log);
        Ledger guarded = ledger(ledger, safe);
        List<CompletableFuture<TeardownReport.Item>> items = serviceIds.stream()
                .distinct()
                .map(id -> teardowns.byId(id, guarded, safe))
                .toList();
        return teardowns.all(items);
    }

    /**
     * Tears down every ledger entry NetMind has not confirmed deleted (the safety net). Never throws: what could not be
     * deleted is in the report's failures; when the ledger cannot even be read, the future fails with an {@link
     * EndpointException} (reason NETMIND) saying so.
     */
    public CompletableFuture<TeardownReport> teardownAll(Ledger ledger, LogSink log) {
        try {
            LogSink safe = Guarded.log(Objects.requireNonNull(log, "log"));
            Ledger guarded = ledger(Objects.requireNonNull(ledger, "ledger"), safe);
            List<LedgerEntry> entries;
            try {
                entries = List.copyOf(ledger.entries());
            } catch (RuntimeException e) {
                String message = Messages.Ledger_readAllFailed(Teardowns.messageOf(e));
                safe.log(message);
                return CompletableFuture.failedFuture(
                        new EndpointException(EndpointException.Reason.NETMIND, message, e));
            }
            List<CompletableFuture<TeardownReport.Item>> items = entries.stream()
                    .filter(e -> e != null && e.isLive())
                    .map(e -> teardowns.entry(e, guarded, safe))
                    .toList();
            return teardowns.all(items);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The capacity guard this engine reserves with, or null when none was set. */
    public CapacityGuard guard() {
        return env.guard();
    }

    /** {@code ledger} made safe ({@link Guarded}) and, with a guard, releasing reservations of DELETED entries. */
    private Ledger ledger(Ledger ledger, LogSink safe) {
        Ledger guarded = Guarded.ledger(Objects.requireNonNull(ledger, "ledger"), safe);
        return env.guard() == null ? guarded : env.guard().observe(guarded);
    }

    /** Builds an {@link EndpointEngine}. */
    public static final class Builder {
        private final NetMindClient client;
        private Scheduler scheduler;
        private Clock clock = Clock.systemUTC();
        private PollPolicy pollPolicy = PollPolicy.DEFAULT;
        private RandomGenerator random;
        private Duration teardownTimeout = Duration.ofMinutes(10);
        private Duration listGrace = Duration.ofMinutes(10);
        private CapacityGuard guard;

        private Builder(NetMindClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Where waits are scheduled (default: one shared daemon thread). */
        public Builder scheduler(Scheduler value) {
            this.scheduler = Objects.requireNonNull(value);
            return this;
        }

        /** The time source (default: the system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** How often to poll (default {@link PollPolicy#DEFAULT}). */
        public Builder pollPolicy(PollPolicy value) {
            this.pollPolicy = Objects.requireNonNull(value);
            return this;
        }

        /** Randomness for jitter and generated names (default: thread-local randomness). */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value);
            return this;
        }

        /** How long a teardown may retry and wait for NetMind to confirm a deletion (default 10 minutes). */
        public Builder teardownTimeout(Duration value) {
            this.teardownTimeout = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long NetMind's list may lag behind a create (default 10 minutes). An endpoint whose create answer was
         * lost and that the list does not show counts as never created only once this much time has passed since its
         * create was sent: a deploy keeps looking for it by name until then (or its deadline), and a teardown of a
         * younger ledger entry without service id leaves it UNKNOWN and reports it not confirmed, to be tried again.
         */
        public Builder listGrace(Duration value) {
            this.listGrace = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The controller's capacity guard (default: none). One instance shared by every engine of the controller: a
         * deploy reserves room with it before its intent (waiting in its queue when full), a DELETED ledger entry
         * releases it, a scale resizes it.
         */
        public Builder guard(CapacityGuard value) {
            this.guard = Objects.requireNonNull(value);
            return this;
        }

        /** Builds the engine. */
        public EndpointEngine build() {
            Scheduler s = scheduler != null ? scheduler : Scheduler.of(DefaultTimer.INSTANCE);
            RandomGenerator r =
                    random != null ? random : () -> ThreadLocalRandom.current().nextLong();
            return new EndpointEngine(new Env(client, s, clock, pollPolicy, r, teardownTimeout, listGrace, guard));
        }
    }

    /** The fallback timer: one daemon thread, created on first use. */
    private static final class DefaultTimer {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netmind-endpoint-timer");
            t.setDaemon(true);
            return t;
        });
    }
}
