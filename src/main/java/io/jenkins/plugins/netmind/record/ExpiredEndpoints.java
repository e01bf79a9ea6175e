package io.jenkins.plugins.netmind.record;

import hudson.Extension;
import hudson.ExtensionList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The endpoints the fleet sweep deleted because their maximum lifetime ran out (issue 11), so that a later step of
 * their build that uses one (scale, the end of {@code withNetmindEndpoint} or of the build wrapper) fails saying so
 * instead of with NetMind's "not found", and a teardown counts it as already gone. Kept for {@link #KEPT} after the
 * deletion, in {@code JENKINS_HOME/io.jenkins.plugins.netmind.record.ExpiredEndpoints.xml} (a build may resume after a
 * restart).
 */
@Extension
public final class ExpiredEndpoints {

    /** How long a mark is kept. */
    static final Duration KEPT = Duration.ofDays(14);

    private static final Logger LOGGER = Logger.getLogger(ExpiredEndpoints.class.getName());

    private static final HomeFile FILE = new HomeFile(
            ExpiredEndpoints.class.getName() + ".xml",
            LOGGER,
            Messages::ExpiredEndpoints_loadFailed,
            Messages::ExpiredEndpoints_saveFailed);

    /** One endpoint whose lifetime ran out. */
    public static final class Expired {
        private final String serviceId;
        private final String name;
        private final long lifetimeMinutes;
        private final long markedAt;

        Expired(String serviceId, String name, long lifetimeMinutes, long markedAt) {
            this.serviceId = serviceId;
            this.name = name;
            this.lifetimeMinutes = lifetimeMinutes;
            this.markedAt = markedAt;
        }

        public String getServiceId() {
            return serviceId;
        }

        public String getName() {
            return name;
        }

        /** The maximum lifetime that ran out, in minutes. */
        public long getLifetimeMinutes() {
            return lifetimeMinutes;
        }

        /** The message a later step fails with (or a teardown logs). */
        public String message() {
            return Messages.ExpiredEndpoints_message(name, serviceId, lifetimeMinutes);
        }
    }

    private List<Expired> expired = new ArrayList<>();
    private transient boolean loaded;

    /** This controller's marks. */
    public static ExpiredEndpoints get() {
        return ExtensionList.lookupSingleton(ExpiredEndpoints.class);
    }

    /** Marks {@code serviceId} as deleted for its lifetime of {@code lifetimeMinutes}; saved before it returns. */
    public synchronized void mark(String serviceId, String name, long lifetimeMinutes, Instant now) {
        load();
        expired.removeIf(e -> e.serviceId.equals(serviceId) || now.toEpochMilli() - e.markedAt > KEPT.toMillis());
        expired.add(new Expired(serviceId, name, lifetimeMinutes, now.toEpochMilli()));
        save();
    }

    /** The mark of {@code serviceId}, if the sweep deleted it for its lifetime. */
    public synchronized Optional<Expired> find(String serviceId) {
        if (serviceId == null) {
            return Optional.empty();
        }
        load();
        return expired.stream().filter(e -> serviceId.equals(e.serviceId)).findFirst();
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        FILE.readInto(this);
        expired = expired == null
                ? new ArrayList<>()
                : new ArrayList<>(expired.stream()
                        .filter(e -> e != null && e.serviceId != null)
                        .toList());
    }

    private void save() {
        FILE.write(this);
    }

    @Override
    public String toString() {
        return "ExpiredEndpoints" + Objects.toString(expired);
    }
}
