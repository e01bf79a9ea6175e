package io.jenkins.plugins.netmind.sim;

import java.math.BigDecimal;

/**
 * The most the simulator ever held live at once (not deleted), each measure on its own: endpoints, instances (the
 * larger of the running and the targeted count), GPUs (instances times GPUs per instance) and US dollars per hour
 * (instances times the flavor's USD price). Taken after every create and scale.
 */
public record SimPeak(int endpoints, int instances, long gpus, BigDecimal usdPerHour) {

    static final SimPeak ZERO = new SimPeak(0, 0, 0, BigDecimal.ZERO);

    /** Each measure the larger of the two. */
    SimPeak max(SimPeak other) {
        return new SimPeak(
                Math.max(endpoints, other.endpoints),
                Math.max(instances, other.instances),
                Math.max(gpus, other.gpus),
                usdPerHour.max(other.usdPerHour));
    }
}
