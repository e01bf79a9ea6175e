package io.jenkins.plugins.netmind.lifecycle;

import io.jenkins.plugins.netmind.client.NetMindClient;
import io.jenkins.plugins.netmind.client.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** What every part of the engine runs on; {@code guard} is null when no capacity guard is set. */
record Env(
        NetMindClient client,
        Scheduler scheduler,
        Clock clock,
        PollPolicy policy,
        RandomGenerator random,
        Duration teardownTimeout,
        Duration listGrace,
        CapacityGuard guard) {

    /** The same, polling by {@code other}. */
    Env withPolicy(PollPolicy other) {
        return new Env(client, scheduler, clock, other, random, teardownTimeout, listGrace, guard);
    }
}
