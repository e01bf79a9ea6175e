package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.Scheduler;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Endpoints kept warm between builds: a build done with an available endpoint parks it here for some idle minutes, and
 * a later deploy with the same {@link Key} leases it instead of creating one ({@link EndpointEngine#reuse}). Memory
 * only: the caller persists what it parks (the Jenkins registry) and parks it again after a restart.
 *
 * <p>A lease is exclusive and atomic: {@link #lease} removes the endpoint from the pool under the pool's lock, so two
 * callers never get the same one. Each parked endpoint has a timer on the scheduler (no thread is held) that removes
 * it at its idle deadline and hands it to the idle callback, which deletes it; a lease cancels the timer.
 */
public final class WarmPool {

    private static final Logger LOGGER = Logger.getLogger(WarmPool.class.getName());

    /**
     * What two deploys must share for one to take the other's endpoint: the account and the endpoint's running
     * settings. Not the name, the owner or the timeout. The flavor as asked: its id, or the GPU name and region.
     *
     * @param credentialsId the id of the credential it was created with
     * @param apiUrl the NetMind API URL
     * @param image the container image
     * @param command the container command, or null
     * @param port the container port
     * @param flavorId the flavor id asked for, or null when asked by GPU name
     * @param gpu the GPU name asked for, or null when asked by flavor id
     * @param region the region asked for with {@code gpu}, or null
     * @param gpuCount GPUs per instance
     * @param instances the instance count
     * @param paymentType the payment type
     */
    public record Key(
            String credentialsId,
            String apiUrl,
            String image,
            String command,
            int port,
            String flavorId,
            String gpu,
            String region,
            int gpuCount,
            int instances,
            String paymentType) {

        private static final String[] FIELDS = {
            "credentialsId",
            "apiUrl",
            "image",
            "command",
            "port",
            "flavorId",
            "gpu",
            "region",
            "gpuCount",
            "instances",
            "paymentType"
        };

        /** The key of a deploy of {@code spec} with this credential and API URL. */
        public static Key of(DeploySpec spec, String credentialsId, String apiUrl) {
            boolean byId = spec.flavorId() != null;
            return new Key(
                    credentialsId,
                    apiUrl,
                    spec.image(),
                    spec.command(),
                    spec.port(),
                    spec.flavorId(),
                    byId ? null : spec.gpu(),
                    byId ? null : spec.region(),
                    spec.gpuCount(),
                    spec.instances(),
                    spec.paymentType());
        }

        /** One line that {@link #parse} reads back: {@code field=value} pairs, URL-encoded, joined by {@code &}. */
        public String text() {
            Object[] values = {
                credentialsId, apiUrl, image, command, port, flavorId, gpu, region, gpuCount, instances, paymentType
            };
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < FIELDS.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                if (!b.isEmpty()) {
                    b.append('&');
                }
                b.append(FIELDS[i])
                        .append('=')
                        .append(URLEncoder.encode(String.valueOf(values[i]), StandardCharsets.UTF_8));
            }
            return b.toString();
        }

        /**
         * The key {@link #text()} wrote.
         *
         * @throws IllegalArgumentException when {@code text} is not such a line
         */
        public static Key parse(String text) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String pair : Objects.requireNonNull(text, "text").split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Not a warm pool key: " + text);
                }
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            try {
                return new Key(
                        values.get("credentialsId"),
                        values.get("apiUrl"),
                        values.get("image"),
                        values.get("command"),
                        Integer.parseInt(values.getOrDefault("port", "0")),
                        values.get("flavorId"),
                        values.get("gpu"),
                        values.get("region"),
                        Integer.parseInt(values.getOrDefault("gpuCount", "0")),
                        Integer.parseInt(values.getOrDefault("instances", "0")),
                        values.get("paymentType"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a warm pool key: " + text, e);
            }
        }
    }

    /**
     * A parked endpoint.
     *
     * @param key the settings it runs with
     * @param endpoint the endpoint as its deploy reported it (its {@code createdAt} and {@code availableAt} give the
     *     start-up time a reuse saves)
     * @param parkedAt when it was parked
     * @param idleUntil when the idle timer deletes it unless leased before
     */
    public record Parked(Key key, DeployResult endpoint, Instant parkedAt, Instant idleUntil) {

        /** Checks the components. */
        public Parked {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(endpoint.serviceId(), "endpoint.serviceId");
            Objects.requireNonNull(parkedAt, "parkedAt");
            Objects.requireNonNull(idleUntil, "idleUntil");
        }

        /** NetMind's service id. */
        public String serviceId() {
            return endpoint.serviceId();
        }

        /** How long its own start took (create answered to available), or null when unknown. */
        public Duration startUp() {
            Instant created = endpoint.createdAt();
            Instant available = endpoint.availableAt();
            return created == null || available == null || available.isBefore(created)
                    ? null
                    : Duration.between(created, available);
        }
    }

    /**
     * Takes over a leased endpoint for the build that leases it: records it in that build's ledger (the record moves
     * from the pool to the build, so that exactly one record holds it). Returns false when it may not take it (e.g. the
     * build's credential is another account's under the same id); the endpoint then goes back to the pool.
     */
    @FunctionalInterface
    public interface Claimer {
        boolean claim(Parked parked);
    }

    private record Slot(Parked parked, Scheduler.Handle timer) {}

    private final Scheduler scheduler;
    private final Clock clock;
    private final Consumer<Parked> onIdle;

    /** By service id, in parking order; guarded by this. */
    private final Map<String, Slot> slots = new LinkedHashMap<>();

    /**
     * A pool whose idle timers run on {@code scheduler}; {@code onIdle} gets each endpoint whose idle time ran out
     * (removed from the pool already) and deletes it.
     */
    public WarmPool(Scheduler scheduler, Clock clock, Consumer<Parked> onIdle) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onIdle = Objects.requireNonNull(onIdle, "onIdle");
    }

    /**
     * Parks {@code parked} until its idle deadline (one already past expires at once, through the idle callback).
     * Returns false, changing nothing, when this service is parked already.
     */
    public boolean park(Parked parked) {
        Objects.requireNonNull(parked, "parked");
        synchronized (this) {
            if (slots.containsKey(parked.serviceId())) {
                return false;
            }
            slots.put(parked.serviceId(), new Slot(parked, null));
        }
        Duration delay = Duration.between(clock.instant(), parked.idleUntil());
        Scheduler.Handle timer = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> idle(parked));
        boolean kept;
        synchronized (this) {
            Slot slot = slots.get(parked.serviceId());
            kept = slot != null && slot.parked() == parked;
            if (kept) {
                slots.put(parked.serviceId(), new Slot(parked, timer));
            }
        }
        if (!kept) {
            timer.cancel(); // leased or expired meanwhile
        }
        return true;
    }

    /**
     * Takes the most recently parked endpoint with {@code key} out of the pool, if any: atomic, so of two callers at
     * most one gets it. Its idle timer is cancelled; from now on the caller owns it.
     */
    public Optional<Parked> lease(Key key) {
        Objects.requireNonNull(key, "key");
        Slot taken = null;
        synchronized (this) {
            for (Slot slot : slots.values()) {
                if (slot.parked().key().equals(key)) {
                    taken = slot; // the last match: the most recently parked
                }
            }
            if (taken != null) {
                slots.remove(taken.parked().serviceId());
            }
        }
        if (taken == null) {
            return Optional.empty();
        }
        cancel(taken);
        return Optional.of(taken.parked());
    }

    /** Takes the endpoint {@code serviceId} out of the pool, if parked (e.g. to delete it now). */
    public Optional<Parked> remove(String serviceId) {
        Slot slot;
        synchronized (this) {
            slot = slots.remove(serviceId);
        }
        if (slot == null) {
            return Optional.empty();
        }
        cancel(slot);
        return Optional.of(slot.parked());
    }

    /** Whether {@code serviceId} is parked. */
    public synchronized boolean isParked(String serviceId) {
        return slots.containsKey(serviceId);
    }

    /** The parked endpoints, in parking order. */
    public synchronized List<Parked> parked() {
        List<Parked> all = new ArrayList<>();
        slots.values().forEach(s -> all.add(s.parked()));
        return all;
    }

    private void idle(Parked parked) {
        synchronized (this) {
            Slot slot = slots.get(parked.serviceId());
            if (slot == null || slot.parked() != parked) {
                return; // leased meanwhile
            }
            slots.remove(parked.serviceId());
        }
        try {
            onIdle.accept(parked);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, Messages.Warm_idleFailed(parked.endpoint().name(), parked.serviceId()), e);
        }
    }

    private static void cancel(Slot slot) {
        if (slot.timer() != null) {
            slot.timer().cancel();
        }
    }
}
