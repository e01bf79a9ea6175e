package io.jenkins.plugins.netmind.sim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the simulator until the process is stopped, so a local Jenkins can be pointed at it:
 * {@code java -cp ... io.jenkins.plugins.netmind.sim.NetMindSimulatorMain [port] [token] [readySeconds]}.
 */
public final class NetMindSimulatorMain {

    private NetMindSimulatorMain() {}

    /** Arguments: port (default 8089), token (default {@code sim-token}), ready delay in seconds (default 20). */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        String token = args.length > 1 ? args[1] : "sim-token";
        long readySeconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
        NetMindSimulator sim =
                NetMindSimulator.builder().port(port).token(token).start();
        sim.setReadyDelay(Duration.ofSeconds(readySeconds));
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("NetMind simulator listening on " + sim.baseUrl() + " (services ready after "
                + readySeconds + " s). Set the plugin's API URL to it and use a Secret text credential holding "
                + "the token you passed. Stop with Ctrl+C.");
        new CountDownLatch(1).await();
    }
}
