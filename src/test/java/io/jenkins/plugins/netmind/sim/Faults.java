package io.jenkins.plugins.netmind.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection: per route and call number ({@code faults.on(Route.CREATE).call(1).respond429(3)}), or at random
 * with a seeded {@link Random} ({@code faults.random(42, 0.1, FaultKind.all())}). Thread-safe.
 */
public final class Faults {

    /** A fault that was injected. */
    public record Injected(Route route, int call, FaultKind kind) {}

    private record Rule(Route route, int from, int to, Fault fault) {}

    private record NamedRule(String name, int from, int to, Fault fault) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<NamedRule> createRules = new CopyOnWriteArrayList<>();
    private final List<Injected> injected = new CopyOnWriteArrayList<>();
    private final Object randomLock = new Object();
    private Random random;
    private double probability;
    private Set<FaultKind> randomKinds = EnumSet.noneOf(FaultKind.class);
    private Set<Route> randomRoutes = EnumSet.noneOf(Route.class);
    private volatile Duration randomLatency = Duration.ofMillis(10);
    private volatile int randomRetryAfterSeconds = 1;
    private volatile Fault outage;

    Faults() {}

    /**
     * Starts a rule for the creates of one endpoint name, counted per name ({@code onCreateOf("x").call(2)} is the
     * second create of {@code x}, e.g. a client's retry); it takes precedence over the route's rules.
     */
    public NamedCreateFaults onCreateOf(String name) {
        return new NamedCreateFaults(name);
    }

    /** Starts a rule for {@code route}. */
    public RouteFaults on(Route route) {
        return new RouteFaults(route);
    }

    /**
     * Every request to a NetMind API route (not the endpoint URLs) gets a fault with {@code probability}, of a kind
     * drawn from {@code kinds} (among those that apply to the route), using a {@link Random} seeded with
     * {@code seed}.
     */
    public Faults random(long seed, double probability, Set<FaultKind> kinds) {
        return random(seed, probability, kinds, EnumSet.complementOf(EnumSet.of(Route.ENDPOINT, Route.OTHER)));
    }

    /** As {@link #random(long, double, Set)}, limited to {@code routes}. */
    public Faults random(long seed, double probability, Set<FaultKind> kinds, Set<Route> routes) {
        synchronized (randomLock) {
            this.random = new Random(seed);
            this.probability = probability;
            this.randomKinds = kinds.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(kinds);
            this.randomRoutes = routes.isEmpty() ? EnumSet.noneOf(Route.class) : EnumSet.copyOf(routes);
        }
        return this;
    }

    /** The latency of random {@link FaultKind#LATENCY} faults (10 ms). */
    public Faults randomLatency(Duration latency) {
        this.randomLatency = latency;
        return this;
    }

    /** The {@code Retry-After} of random {@link FaultKind#RATE_LIMIT} faults (1 s). */
    public Faults randomRetryAfterSeconds(int seconds) {
        this.randomRetryAfterSeconds = seconds;
        return this;
    }

    /**
     * Starts an API outage: every request to a NetMind API route gets {@code kind} (503, 502, 500 or a reset) until
     * {@link #endOutage()}, except where a rule names another fault for that call (rules stay deterministic); random
     * faults pause, latencies still apply.
     */
    public Faults startOutage(FaultKind kind) {
        this.outage = switch (kind) {
            case SERVER_ERROR_500 -> Fault.respond(500, null, null);
            case BAD_GATEWAY_502 -> Fault.respond(502, null, "<html><body>502 Bad Gateway</body></html>");
            case UNAVAILABLE_503 -> Fault.respond(503, null, null);
            case CONNECTION_RESET -> Fault.of(FaultKind.CONNECTION_RESET);
            default -> throw new IllegalArgumentException("not an outage: " + kind);
        };
        return this;
    }

    /** Ends the outage. */
    public Faults endOutage() {
        this.outage = null;
        return this;
    }

    /** Removes every rule, ends an outage and stops random faults (the record of injected faults stays). */
    public Faults clear() {
        rules.clear();
        createRules.clear();
        outage = null;
        synchronized (randomLock) {
            random = null;
        }
        return this;
    }

    /** Every fault injected so far. */
    public List<Injected> injected() {
        return List.copyOf(injected);
    }

    /** How many faults of {@code kind} were injected. */
    public long injectedCount(FaultKind kind) {
        return injected.stream().filter(i -> i.kind() == kind).count();
    }

    /** The faults for call number {@code call} on {@code route}: latencies first, then at most one other. */
    List<Fault> pick(Route route, int call) {
        return pick(route, call, null, 0);
    }

    /** As {@link #pick(Route, int)}, for the {@code nameCall}-th create of {@code name} (null: not a create). */
    List<Fault> pick(Route route, int call, String name, int nameCall) {
        List<Fault> picked = new ArrayList<>();
        Fault main = null;
        if (name != null) {
            for (NamedRule rule : createRules) {
                if (rule.name().equals(name) && nameCall >= rule.from() && nameCall <= rule.to()) {
                    main = rule.fault();
                    break;
                }
            }
        }
        for (Rule rule : rules) {
            if (rule.route() == route && call >= rule.from() && call <= rule.to()) {
                if (main != null && rule.fault().kind() != FaultKind.LATENCY) {
                    continue;
                }
                if (rule.fault().kind() == FaultKind.LATENCY) {
                    picked.add(rule.fault());
                } else if (main == null) {
                    main = rule.fault();
                }
            }
        }
        Fault down = outage;
        if (down != null && route != Route.ENDPOINT && main == null) {
            main = down;
        }
        if (main == null && picked.isEmpty()) {
            Fault randomFault = randomFault(route);
            if (randomFault != null) {
                if (randomFault.kind() == FaultKind.LATENCY) {
                    picked.add(randomFault);
                } else {
                    main = randomFault;
                }
            }
        }
        if (main != null) {
            picked.add(main);
        }
        for (Fault f : picked) {
            injected.add(new Injected(route, call, f.kind()));
        }
        return picked;
    }

    private Fault randomFault(Route route) {
        FaultKind kind;
        synchronized (randomLock) {
            if (random == null || !randomRoutes.contains(route)) {
                return null;
            }
            if (random.nextDouble() >= probability) {
                return null;
            }
            List<FaultKind> usable =
                    randomKinds.stream().filter(k -> k.appliesTo(route)).toList();
            if (usable.isEmpty()) {
                return null;
            }
            kind = usable.get(random.nextInt(usable.size()));
        }
        return switch (kind) {
            case RATE_LIMIT -> Fault.respond(429, randomRetryAfterSeconds, null);
            case RATE_LIMIT_NO_RETRY_AFTER -> Fault.respond(429, null, null);
            case SERVER_ERROR_500 -> Fault.respond(500, null, null);
            case BAD_GATEWAY_502 -> Fault.respond(502, null, "<html><body>502 Bad Gateway</body></html>");
            case UNAVAILABLE_503 -> Fault.respond(503, null, null);
            case LATENCY -> Fault.latency(randomLatency);
            case CONNECTION_RESET, CREATED_BUT_RESPONSE_LOST, HANDLED_BUT_RESPONSE_LOST, STALLED_BODY -> Fault.of(kind);
            case TERMINAL_FAILURE -> Fault.terminal("simulated failure: container exited with code 1");
        };
    }

    /** Rules for the creates of one name. */
    public final class NamedCreateFaults {
        private final String name;

        private NamedCreateFaults(String name) {
            this.name = name;
        }

        private NamedCreateFaults calls(int from, int to, Fault fault) {
            createRules.add(new NamedRule(name, from, to, fault));
            return this;
        }

        /** 429 with {@code Retry-After} on creates {@code from} to {@code to} (inclusive, from 1) of this name. */
        public NamedCreateFaults respond429(int from, int to, int retryAfterSeconds) {
            return calls(from, to, Fault.respond(429, retryAfterSeconds, null));
        }

        /** Create number {@code n} (from 1) of this name creates the service and loses the answer. */
        public NamedCreateFaults createdButResponseLost(int n) {
            return calls(n, n, Fault.of(FaultKind.CREATED_BUT_RESPONSE_LOST));
        }
    }

    /** Rules for one route. */
    public final class RouteFaults {
        private final Route route;

        private RouteFaults(Route route) {
            this.route = route;
        }

        /** Only call number {@code n} (from 1) on this route. */
        public Action call(int n) {
            return new Action(route, n, n);
        }

        /** Calls {@code from} to {@code to} (inclusive). */
        public Action calls(int from, int to) {
            return new Action(route, from, to);
        }

        /** Every call on this route. */
        public Action always() {
            return new Action(route, 1, Integer.MAX_VALUE);
        }
    }

    /** What to do on the chosen calls. */
    public final class Action {
        private final Route route;
        private final int from;
        private final int to;

        private Action(Route route, int from, int to) {
            this.route = route;
            this.from = from;
            this.to = to;
        }

        private Faults add(Fault fault) {
            rules.add(new Rule(route, from, to, fault));
            return Faults.this;
        }

        /** 429 with {@code Retry-After: seconds}. */
        public Faults respond429(int retryAfterSeconds) {
            return add(Fault.respond(429, retryAfterSeconds, null));
        }

        /** 429 without {@code Retry-After}. */
        public Faults respond429() {
            return add(Fault.respond(429, null, null));
        }

        /** Answers {@code status} with a NetMind-like JSON error body. */
        public Faults respond(int status) {
            return add(Fault.respond(status, null, null));
        }

        /** Answers {@code status} with exactly {@code body} (any shape: JSON, text, HTML). */
        public Faults respond(int status, String body) {
            return add(Fault.respond(status, null, body));
        }

        /** Delays the answer, then handles the request normally. */
        public Faults latency(Duration latency) {
            return add(Fault.latency(latency));
        }

        /** Closes the connection without an answer, before doing anything. */
        public Faults reset() {
            return add(Fault.of(FaultKind.CONNECTION_RESET));
        }

        /** Create only: creates the service, then closes the connection without an answer. */
        public Faults createdButResponseLost() {
            return add(Fault.of(FaultKind.CREATED_BUT_RESPONSE_LOST));
        }

        /** Any route: handles the request (e.g. deletes the service), then closes the connection without an answer. */
        public Faults handledButResponseLost() {
            return add(Fault.of(
                    route == Route.CREATE ? FaultKind.CREATED_BUT_RESPONSE_LOST : FaultKind.HANDLED_BUT_RESPONSE_LOST));
        }

        /** Handles the request, sends the headers and half the body, then stays silent until the simulator closes. */
        public Faults stallBody() {
            return add(Fault.of(FaultKind.STALLED_BODY));
        }

        /** The service touched by this call ends in {@code status} (e.g. {@code terminated}) with this info. */
        public Faults endsIn(String status, String statusInfo) {
            return add(Fault.terminal(status, statusInfo));
        }

        /** The service touched by this call ends in status {@code failed} with this {@code status_info}. */
        public Faults terminalFailure(String statusInfo) {
            return add(Fault.terminal(statusInfo));
        }
    }
}
