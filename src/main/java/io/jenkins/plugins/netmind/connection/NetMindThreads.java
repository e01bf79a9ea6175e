package io.jenkins.plugins.netmind.connection;

import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin's own few threads, for the work that must run neither on the CPS VM thread (a Pipeline's single thread:
 * no file I/O there) nor on {@code jenkins.util.Timer} (shared, for short tasks only): credential lookups, saving the
 * build and the registry, the safety net's sweeps. Bounded (four daemon threads named {@code NetMind}, idle ones end),
 * each task running as SYSTEM as the timer's tasks do, a task's failure logged. Waiting is never done here: waits stay
 * on the scheduler.
 */
public final class NetMindThreads {

    private static final Logger LOGGER = Logger.getLogger(NetMindThreads.class.getName());

    private static final int THREADS = 4;

    private static final ThreadPoolExecutor POOL = create();

    private static final Executor EXECUTOR = task -> POOL.execute(() -> {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            task.run();
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(Level.WARNING, Messages.NetMindThreads_taskFailed(), e);
        }
    });

    private NetMindThreads() {}

    /** The executor. */
    public static Executor executor() {
        return EXECUTOR;
    }

    private static ThreadPoolExecutor create() {
        return boundedPool(THREADS, "NetMind");
    }

    /**
     * At most {@code threads} daemon threads named {@code name 1, name 2, ...}, which end after a minute without
     * work; tasks queue. The plugin's pools: these threads and the HTTP client's ({@link SharedHttpClient}).
     */
    static ThreadPoolExecutor boundedPool(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread t = new Thread(task, name + " " + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
