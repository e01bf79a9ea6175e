package io.jenkins.plugins.netmind.lifecycle;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The spending and capacity guard: limits on what one controller holds live at once (endpoints, instances per
 * endpoint, GPUs, US dollars per hour), the reservations that count against them, and a fair FIFO queue of the
 * deploys that wait for room. One instance per controller, shared by every engine ({@link
 * EndpointEngine.Builder#guard}).
 *
 * <ul>
 *   <li>A request that can never fit (it exceeds a limit alone) is refused at once by {@link #reserve}: an {@link
 *       EndpointException} (reason {@link EndpointException.Reason#OVER_LIMIT}) naming the limit, the value asked and
 *       the setting to change.
 *   <li>A request that does not fit now waits in the queue: {@link Ticket#granted()} completes once it is reserved. No
 *       thread waits. Strict FIFO: a request is granted only at the head of the queue, and a new request queues
 *       behind the waiting ones even when it would fit now. A small request never passes a big one at the head, so
 *       nothing starves (the head can always fit once enough is released, or it would have been refused).
 *   <li>All of it happens under one lock: two requests racing for the last slot never both get it. Futures complete
 *       and log lines are written after the lock is released.
 *   <li>A reservation is held by a key ({@link #key}: the endpoint's name and nonce) from the intent until the
 *       endpoint is confirmed gone: {@link #observe} wraps a ledger so that the put of a DELETED entry releases it.
 *       UNKNOWN keeps it.
 * </ul>
 */
public final class CapacityGuard {

    private final Object lock = new Object();
    private Limits limits;
    private final Map<String, Demand> reservations = new LinkedHashMap<>();
    private final List<Ticket> queue = new ArrayList<>();

    /** A guard with these limits and no reservations. */
    /** Told, outside the lock, each time a request starts waiting (with its log): a chance to free room. */
    private volatile Consumer<LogSink> onQueued = log -> {};

    public CapacityGuard(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The key of the reservation of endpoint {@code name} deployed with {@code nonce} (null in older entries). */
    public static String key(String name, String nonce) {
        return name + "/" + Objects.toString(nonce, "-");
    }

    /** The key of the reservation of a ledger entry. */
    public static String key(LedgerEntry entry) {
        return key(entry.name(), entry.nonce());
    }

    /** The limits now. */
    public Limits limits() {
        synchronized (lock) {
            return limits;
        }
    }

    /**
     * Sets new limits. Waiting requests that now fit are granted (in order); those that could never fit under the new
     * limits are refused as {@link #reserve} would refuse them. Reservations already held stay, even above the limits.
     */
    public void setLimits(Limits value) {
        Objects.requireNonNull(value, "value");
        Changes changes = new Changes();
        synchronized (lock) {
            if (value.equals(limits)) {
                return;
            }
            limits = value;
            for (Ticket t : List.copyOf(queue)) {
                String refusal = neverFits(t.demand, t.name);
                if (refusal != null) {
                    queue.remove(t);
                    t.state = Ticket.State.GONE;
                    changes.failed.put(t, new EndpointException(EndpointException.Reason.OVER_LIMIT, refusal));
                }
            }
            serve(changes);
        }
        changes.apply();
    }

    /** What is reserved and waiting now, against the limits: what a build page or the fleet page shows. */
    public Usage usage() {
        synchronized (lock) {
            return usageLocked();
        }
    }

    /** The reservation held under {@code key}, if any. */
    public Optional<Demand> reservation(String key) {
        synchronized (lock) {
            return Optional.ofNullable(reservations.get(key));
        }
    }

    /**
     * Throws what {@link #reserve} would throw for a request that can never fit; returns whether it would fit now
     * without waiting (nobody waiting ahead and room under every limit). For the dry run.
     */
    public boolean check(Demand demand, String name) {
        synchronized (lock) {
            String refusal = neverFits(demand, name);
            if (refusal != null) {
                throw new EndpointException(EndpointException.Reason.OVER_LIMIT, refusal);
            }
            return queue.isEmpty() && blocker(demand) == null;
        }
    }

    /**
     * Reserves room for endpoint {@code name} under {@code key}, or queues the request.
     *
     * @param failIfFull whether a request that does not fit now fails (reason OVER_LIMIT) instead of waiting
     * @param log where the request's waiting lines go: when it starts waiting and each time its place moves
     * @return the ticket; its {@link Ticket#granted()} is complete when the room was free at once
     * @throws EndpointException (OVER_LIMIT) when the request can never fit, or does not fit now and {@code
     *     failIfFull}
     */
    public Ticket reserve(String key, String name, Demand demand, boolean failIfFull, LogSink log) {
        return reserve(key, name, demand, failIfFull, log, null);
    }

    /**
     * As {@link #reserve(String, String, Demand, boolean, LogSink)}, for a request that already waited before a
     * restart: it queues ahead of the requests that came later ({@code queuedSince} after its own, or new ones), so
     * that the requests re-queued on resume keep their old order where possible. Null: a new request, at the end.
     */
    public Ticket reserve(
            String key, String name, Demand demand, boolean failIfFull, LogSink log, Instant queuedSince) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(demand, "demand");
        Ticket ticket = new Ticket(key, name, demand, log == null ? LogSink.NONE : log, queuedSince);
        String waitLine;
        Changes changes = new Changes();
        synchronized (lock) {
            String refusal = neverFits(demand, name);
            if (refusal != null) {
                throw new EndpointException(EndpointException.Reason.OVER_LIMIT, refusal);
            }
            if (reservations.containsKey(key)) {
                throw new IllegalArgumentException("already reserved: " + key);
            }
            String blocker = queue.isEmpty() ? blocker(demand) : null;
            if (queue.isEmpty() && blocker == null) {
                reservations.put(key, demand);
                ticket.state = Ticket.State.GRANTED;
                ticket.granted.complete(usageLocked());
                return ticket;
            }
            if (failIfFull) {
                throw new EndpointException(
                        EndpointException.Reason.OVER_LIMIT, Messages.Capacity_full(name, waitingFor(demand, blocker)));
            }
            int at = queue.size();
            if (queuedSince != null) {
                for (int i = 0; i < queue.size(); i++) {
                    Instant other = queue.get(i).queuedSince;
                    if (other == null || other.isAfter(queuedSince)) {
                        at = i;
                        break;
                    }
                }
            }
            queue.add(at, ticket);
            ticket.position = at + 1;
            waitLine = ticket.waitLine(waitingFor(demand, blocker != null ? blocker : blocker(demand)), queue.size());
            if (at < queue.size() - 1) {
                renumber(changes); // those behind moved back one place
            }
        }
        ticket.log.log(waitLine);
        changes.apply();
        onQueued.accept(ticket.log);
        return ticket;
    }

    /**
     * Calls {@code listener} each time a request starts waiting in the queue, outside the lock, with that request's
     * log: the caller may free room there (the warm pool gives up its parked endpoints, so that a parked endpoint never
     * keeps a deploy waiting). The listener must not block.
     */
    public void onQueued(Consumer<LogSink> listener) {
        this.onQueued = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Holds {@code demand} under {@code key} whatever the limits say (an endpoint that exists, found after a restart).
     */
    public void restore(String key, Demand demand) {
        Changes changes = new Changes();
        synchronized (lock) {
            reservations.put(Objects.requireNonNull(key), Objects.requireNonNull(demand));
            serve(changes);
        }
        changes.apply();
    }

    /** Releases the reservation under {@code key} (nothing when none) and serves the queue. */
    public boolean release(String key) {
        Changes changes = new Changes();
        boolean released;
        synchronized (lock) {
            released = reservations.remove(key) != null;
            if (released) {
                serve(changes);
            }
        }
        changes.apply();
        return released;
    }

    /**
     * Sets the instance count of the reservation under {@code key} for a scale to {@code instances}. A scale down
     * always passes; a scale up must fit now (it does not wait: the endpoint already runs and is paid for, and two
     * endpoints waiting to grow could wait for each other). An endpoint without reservation (not deployed through
     * this guard) is checked against the per-endpoint limit only.
     *
     * @return the count reserved before, or empty when {@code key} holds no reservation
     * @throws EndpointException (OVER_LIMIT) naming the limit and the setting when it does not fit
     */
    public Optional<Integer> resize(String key, String name, int instances) {
        Changes changes = new Changes();
        Optional<Integer> before;
        synchronized (lock) {
            if (limits.instancesPerEndpoint() != null && instances > limits.instancesPerEndpoint()) {
                throw new EndpointException(
                        EndpointException.Reason.OVER_LIMIT,
                        Messages.Capacity_scaleTooMany(
                                name, instances, limits.instancesPerEndpoint(), Messages.Capacity_field_instances()));
            }
            Demand held = key == null ? null : reservations.get(key);
            if (held == null) {
                return Optional.empty();
            }
            before = Optional.of(held.instances());
            Demand wanted = held.withInstances(instances);
            if (instances > held.instances()) {
                String refusal = neverFits(wanted, name);
                if (refusal != null) {
                    throw new EndpointException(EndpointException.Reason.OVER_LIMIT, refusal);
                }
                reservations.remove(key);
                String blocker = blocker(wanted);
                if (blocker == null && !queue.isEmpty() && takesFromQueue(held, wanted)) {
                    // the deploys waiting came first: a scale up does not take the GPUs or dollars they wait for
                    blocker = Messages.Capacity_queued(queue.size());
                }
                if (blocker != null) {
                    reservations.put(key, held);
                    throw new EndpointException(
                            EndpointException.Reason.OVER_LIMIT, Messages.Capacity_scaleFull(name, instances, blocker));
                }
            }
            reservations.put(key, wanted);
            serve(changes);
        }
        changes.apply();
        return before;
    }

    /**
     * A ledger that releases an entry's reservation when it is put DELETED (NetMind confirmed the endpoint gone, or it
     * was never created). Every engine wraps the ledgers it writes with it.
     */
    public Ledger observe(Ledger ledger) {
        return new ReleasingLedger(ledger, this);
    }

    // ---- under the lock ----

    /** Whether growing {@code held} to {@code wanted} takes GPUs or dollars under a limit the queue may wait for. */
    private boolean takesFromQueue(Demand held, Demand wanted) {
        return limits.gpus() != null && wanted.gpus() > held.gpus()
                || limits.usdPerHour() != null && wanted.usdPerHourOrZero().compareTo(held.usdPerHourOrZero()) > 0;
    }

    private void serve(Changes changes) {
        while (!queue.isEmpty() && blocker(queue.get(0).demand) == null) {
            Ticket head = queue.remove(0);
            reservations.put(head.key, head.demand);
            head.state = Ticket.State.GRANTED;
            changes.granted.put(head, null);
        }
        if (!changes.granted.isEmpty() || !changes.failed.isEmpty() || changes.left) {
            renumber(changes);
        }
        Usage now = usageLocked();
        changes.granted.replaceAll((t, u) -> now);
    }

    private void renumber(Changes changes) {
        String headBlocker = queue.isEmpty() ? null : blocker(queue.get(0).demand);
        for (int i = 0; i < queue.size(); i++) {
            Ticket t = queue.get(i);
            if (t.position != i + 1) {
                t.position = i + 1;
                String own = blocker(t.demand);
                changes.moved.put(t, t.waitLine(waitingFor(t.demand, own != null ? own : headBlocker), queue.size()));
            }
        }
    }

    private boolean leave(Ticket t, EndpointException why) {
        Changes changes = new Changes();
        synchronized (lock) {
            if (t.state != Ticket.State.QUEUED) {
                return false;
            }
            queue.remove(t);
            t.state = Ticket.State.GONE;
            t.position = 0;
            changes.failed.put(t, why);
            changes.left = true;
            serve(changes);
        }
        changes.apply();
        return true;
    }

    private int positionOf(Ticket t) {
        synchronized (lock) {
            return t.state == Ticket.State.QUEUED ? queue.indexOf(t) + 1 : 0;
        }
    }

    private int queueLength() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** Why {@code d} can never fit under the limits (it exceeds one alone), or null. */
    private String neverFits(Demand d, String name) {
        Limits l = limits;
        if (l.instancesPerEndpoint() != null && d.instances() > l.instancesPerEndpoint()) {
            return Messages.Capacity_tooManyInstances(
                    name, d.instances(), l.instancesPerEndpoint(), Messages.Capacity_field_instances());
        }
        if (l.gpus() != null && d.gpus() > l.gpus()) {
            return Messages.Capacity_tooManyGpus(
                    name, d.gpus(), d.instances(), d.gpusPerInstance(), l.gpus(), Messages.Capacity_field_gpus());
        }
        if (l.usdPerHour() != null) {
            if (d.usdPerInstanceHour() == null) {
                return Messages.Capacity_noUsdPrice(name, usd(l.usdPerHour()), Messages.Capacity_field_usd());
            }
            if (d.usdPerHour().compareTo(l.usdPerHour()) > 0) {
                return Messages.Capacity_tooExpensive(
                        name,
                        usd(d.usdPerHour()),
                        d.instances(),
                        usd(d.usdPerInstanceHour()),
                        usd(l.usdPerHour()),
                        Messages.Capacity_field_usd());
            }
        }
        return null;
    }

    /** The first limit {@code d} would pass with what is reserved now, in words ("3 of 3 endpoints live"), or null. */
    private String blocker(Demand d) {
        Usage u = usageLocked();
        Limits l = u.limits();
        if (l.liveEndpoints() != null && u.liveEndpoints() + 1 > l.liveEndpoints()) {
            return Messages.Capacity_endpointsFull(u.liveEndpoints(), l.liveEndpoints());
        }
        if (l.gpus() != null && u.gpus() + d.gpus() > l.gpus()) {
            return Messages.Capacity_gpusFull(u.gpus(), l.gpus(), d.gpus());
        }
        if (l.usdPerHour() != null && u.usdPerHour().add(d.usdPerHourOrZero()).compareTo(l.usdPerHour()) > 0) {
            return Messages.Capacity_usdFull(usd(u.usdPerHour()), usd(l.usdPerHour()), usd(d.usdPerHourOrZero()));
        }
        return null;
    }

    private String waitingFor(Demand d, String blocker) {
        return blocker != null ? blocker : usageLocked().describe();
    }

    private Usage usageLocked() {
        long gpus = 0;
        int instances = 0;
        BigDecimal usd = BigDecimal.ZERO;
        for (Demand d : reservations.values()) {
            gpus += d.gpus();
            instances += d.instances();
            usd = usd.add(d.usdPerHourOrZero());
        }
        return new Usage(limits, reservations.size(), instances, gpus, usd, queue.size());
    }

    static String usd(BigDecimal amount) {
        return Texts.money(amount, "usd");
    }

    /** What a change did, applied (futures completed, lines logged) after the lock is released. */
    private static final class Changes {
        final Map<Ticket, Usage> granted = new LinkedHashMap<>();
        final Map<Ticket, EndpointException> failed = new LinkedHashMap<>();
        final Map<Ticket, String> moved = new LinkedHashMap<>();
        boolean left;

        void apply() {
            failed.forEach((t, why) -> t.granted.completeExceptionally(why));
            granted.forEach((t, usage) -> t.granted.complete(usage));
            moved.forEach((t, line) -> t.log.log(line));
        }
    }

    /** A request for room: granted at once, or waiting in the queue. */
    public final class Ticket {
        private enum State {
            QUEUED,
            GRANTED,
            GONE
        }

        private final String key;
        private final String name;
        private final Demand demand;
        private final LogSink log;
        private final CompletableFuture<Usage> granted = new CompletableFuture<>();
        /** Guarded by the guard's lock. */
        private State state = State.QUEUED;
        /** The last place logged; guarded by the guard's lock. */
        private int position;

        private final Instant queuedSince;

        private Ticket(String key, String name, Demand demand, LogSink log, Instant queuedSince) {
            this.queuedSince = queuedSince;
            this.key = key;
            this.name = name;
            this.demand = demand;
            this.log = log;
        }

        /**
         * Completes with the use after the reservation once it is held; fails when the request left the queue
         * ({@link #cancel}) or could never fit under new limits. Completes on the thread that made the room.
         */
        public CompletableFuture<Usage> granted() {
            return granted;
        }

        /** The place in the queue, from 1; 0 once granted or gone. */
        public int position() {
            return positionOf(this);
        }

        /** How many requests wait in the queue now, this one included. */
        public int queueLength() {
            return CapacityGuard.this.queueLength();
        }

        /**
         * Leaves the queue and fails {@link #granted()} with {@code why}. Returns false when the request was already
         * granted (the caller then holds the reservation and must {@link #release} it) or already gone.
         */
        public boolean cancel(EndpointException why) {
            return leave(this, Objects.requireNonNull(why));
        }

        /** The key the reservation is (or will be) held under. */
        public String key() {
            return key;
        }

        private String waitLine(String waitingFor, int length) {
            return Messages.Capacity_waiting(name, waitingFor, position, length);
        }
    }

    /**
     * The limits; each null when not set.
     *
     * @param liveEndpoints how many endpoints may be live at once (at least 1)
     * @param instancesPerEndpoint how many instances one endpoint may have (at least 1)
     * @param gpus how many GPUs (instances times GPUs per instance) may be live at once (at least 1)
     * @param usdPerHour the most US dollars per hour all live endpoints may cost together (positive)
     */
    public record Limits(Integer liveEndpoints, Integer instancesPerEndpoint, Integer gpus, BigDecimal usdPerHour)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        /** No limit at all. */
        public static final Limits NONE = new Limits(null, null, null, null);

        /** Checks the limits: IllegalArgumentException saying which one is wrong. */
        public Limits {
            positive(liveEndpoints, Messages.Capacity_field_endpoints());
            positive(instancesPerEndpoint, Messages.Capacity_field_instances());
            positive(gpus, Messages.Capacity_field_gpus());
            if (usdPerHour != null && usdPerHour.signum() <= 0) {
                throw new IllegalArgumentException(
                        Messages.Capacity_limitInvalid(Messages.Capacity_field_usd(), usdPerHour.toPlainString()));
            }
        }

        /** Whether any limit is set. */
        public boolean any() {
            return liveEndpoints != null || instancesPerEndpoint != null || gpus != null || usdPerHour != null;
        }

        private static void positive(Integer value, String field) {
            if (value != null && value < 1) {
                throw new IllegalArgumentException(Messages.Capacity_limitInvalid(field, value));
            }
        }
    }

    /**
     * What one endpoint holds.
     *
     * @param instances its instance count
     * @param gpusPerInstance GPUs per instance
     * @param usdPerInstanceHour the flavor's USD price per instance and hour (whatever the payment type), null when
     *     NetMind gives none
     */
    public record Demand(int instances, int gpusPerInstance, BigDecimal usdPerInstanceHour) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** GPUs in all: instances times GPUs per instance. */
        public long gpus() {
            return (long) instances * gpusPerInstance;
        }

        /** US dollars per hour in all, null when the price is unknown. */
        public BigDecimal usdPerHour() {
            return usdPerInstanceHour == null ? null : usdPerInstanceHour.multiply(BigDecimal.valueOf(instances));
        }

        BigDecimal usdPerHourOrZero() {
            BigDecimal v = usdPerHour();
            return v == null ? BigDecimal.ZERO : v;
        }

        /** The same endpoint with another instance count. */
        public Demand withInstances(int count) {
            return new Demand(count, gpusPerInstance, usdPerInstanceHour);
        }
    }

    /**
     * What is reserved now against the limits.
     *
     * @param limits the limits
     * @param liveEndpoints endpoints reserved (from intent until confirmed gone)
     * @param instances their instances
     * @param gpus their GPUs
     * @param usdPerHour their US dollars per hour (endpoints without a USD price count 0)
     * @param queued requests waiting in the queue
     */
    public record Usage(Limits limits, int liveEndpoints, int instances, long gpus, BigDecimal usdPerHour, int queued)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Endpoints that may still start, null without limit. */
        public Integer endpointsLeft() {
            return limits.liveEndpoints() == null ? null : Math.max(0, limits.liveEndpoints() - liveEndpoints);
        }

        /** GPUs that may still start, null without limit. */
        public Long gpusLeft() {
            return limits.gpus() == null ? null : Math.max(0, limits.gpus() - gpus);
        }

        /** US dollars per hour still allowed, null without limit. */
        public BigDecimal usdPerHourLeft() {
            return limits.usdPerHour() == null
                    ? null
                    : limits.usdPerHour().subtract(usdPerHour).max(BigDecimal.ZERO);
        }

        /** In words: "2 of 3 endpoints live, 4 GPUs (no limit), USD 1.20 of 5.00 per hour, 1 waiting". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            parts.add(
                    limits.liveEndpoints() == null
                            ? Messages.Capacity_use_endpoints(liveEndpoints)
                            : Messages.Capacity_use_endpointsOf(liveEndpoints, limits.liveEndpoints()));
            if (limits.instancesPerEndpoint() != null) {
                parts.add(Messages.Capacity_use_instancesLimit(limits.instancesPerEndpoint()));
            }
            parts.add(
                    limits.gpus() == null
                            ? Messages.Capacity_use_gpus(gpus)
                            : Messages.Capacity_use_gpusOf(gpus, limits.gpus()));
            parts.add(
                    limits.usdPerHour() == null
                            ? Messages.Capacity_use_usd(usd(usdPerHour))
                            : Messages.Capacity_use_usdOf(usd(usdPerHour), usd(limits.usdPerHour())));
            if (queued > 0) {
                parts.add(Messages.Capacity_use_queued(queued));
            }
            return String.join(", ", parts);
        }
    }

    /** Releases an entry's reservation when the entry is put DELETED. */
    private record ReleasingLedger(Ledger ledger, CapacityGuard guard) implements Ledger {
        @Override
        public void put(LedgerEntry entry) {
            try {
                ledger.put(entry);
            } finally {
                if (entry.state() == LedgerEntry.State.DELETED) {
                    guard.release(key(entry));
                }
            }
        }

        @Override
        public Optional<LedgerEntry> putIntent(LedgerEntry intent) {
            return ledger.putIntent(intent);
        }

        @Override
        public Object intentLock() {
            return ledger.intentLock();
        }

        @Override
        public Optional<LedgerEntry> get(String name) {
            return ledger.get(name);
        }

        @Override
        public List<LedgerEntry> entries() {
            return ledger.entries();
        }

        @Override
        public Optional<LedgerEntry> findByServiceId(String serviceId) {
            return ledger.findByServiceId(serviceId);
        }
    }
}
