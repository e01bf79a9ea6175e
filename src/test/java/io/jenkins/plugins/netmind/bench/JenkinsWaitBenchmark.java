package io.jenkins.plugins.netmind.bench;

import hudson.model.Computer;
import hudson.model.Executor;
import hudson.model.Result;
import io.jenkins.plugins.netmind.NetMindJenkinsFixture;
import io.jenkins.plugins.netmind.lifecycle.LedgerEntry;
import io.jenkins.plugins.netmind.record.EndpointRegistry;
import io.jenkins.plugins.netmind.record.RecordedEndpoint;
import io.jenkins.plugins.netmind.sim.NetMindSimulator;
import io.jenkins.plugins.netmind.sim.RecordedRequest;
import io.jenkins.plugins.netmind.sim.Route;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.actions.TimingAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.fixtures.JenkinsSessionFixture;

/**
 * Hundreds of Pipeline builds waiting in {@code netmindDeploy} inside a real Jenkins (the test harness's
 * {@code JenkinsSessionFixture}, the non-JUnit core of {@code JenkinsSessionExtension}, started from this main) against the simulator, both on loopback. Not a test: run it by hand
 * (README, "Scale inside a real Jenkins"). Three parts, each optional:
 *
 * <ol>
 *   <li>for each N: N builds deploy outside any {@code node}, wait for an endpoint that turns available a fixed delay
 *       after its create, then tear it down; printed: executors busy, threads, heap per waiting build, status calls,
 *       detection delay, {@code /api/json} time, wall time, endpoints left;
 *   <li>abort storm: N waiting builds stopped at once; printed: abort to DELETE sent, abort to confirmed gone;
 *   <li>restart: N waiting builds, Jenkins restarted in the middle; printed: every wait resumed, every build finished,
 *       no duplicate endpoint, none left.
 * </ol>
 *
 * <p>Everything runs in real time: the plugin waits on Jenkins' real {@code jenkins.util.Timer} and clock, which a
 * benchmark cannot speed up. Only the restart run moves the simulator's own clock forward (after the restart) so that
 * every endpoint turns available then.
 *
 * <p>Arguments: {@code [N,N,...] [--ready=seconds] [--settle=seconds] [--abort=N] [--restart=N]}; defaults {@code
 * 10,100,500 --ready=240 --settle=65 --abort=100 --restart=100}; 0 (or {@code none} for the list) skips a part.
 */
public final class JenkinsWaitBenchmark {

    /** The plugin's own classes (the simulator and this benchmark excluded). */
    private static final Predicate<String> PLUGIN = c -> c.startsWith("io.jenkins.plugins.netmind.")
            && !c.startsWith("io.jenkins.plugins.netmind.sim.")
            && !c.startsWith("io.jenkins.plugins.netmind.bench.");

    /** Pipeline's classes: the flow graph, the CPS program and its interpreter. */
    private static final Predicate<String> PIPELINE = c -> c.startsWith("org.jenkinsci.plugins.workflow.")
            || c.startsWith("com.cloudbees.groovy.cps.")
            || c.startsWith("org.jenkinsci.plugins.scriptsecurity.");

    private static final Duration BOUND = Duration.ofMinutes(15);

    private final Options options;
    private final List<String> table = new ArrayList<>();
    private final HttpClient web = HttpClient.newHttpClient();
    private int jobs;

    private JenkinsWaitBenchmark(Options options) {
        this.options = options;
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Throwable {
        Options options = Options.parse(args);
        System.setProperty("jenkins.test.timeout", "0");
        Logger.getLogger("").setLevel(Level.WARNING);
        System.out.printf(
                Locale.ROOT,
                "JenkinsWaitBenchmark: a real Jenkins (test harness) with the plugin, and the NetMind simulator, both on"
                        + " loopback in this JVM; %d cores, java %s, max heap %d MB.%n"
                        + "Real time throughout: the plugin waits on Jenkins' jenkins.util.Timer and the system clock"
                        + " (no compressed clock is possible inside Jenkins). Each endpoint turns available %d s after"
                        + " its create (simulator, real clock). Only the restart run moves the simulator's clock ahead"
                        + " after the restart.%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20,
                options.ready.toSeconds());
        JenkinsWaitBenchmark bench = new JenkinsWaitBenchmark(options);
        try {
            if (!options.ns.isEmpty() || options.abort > 0) {
                JenkinsSessionFixture jenkins = new JenkinsSessionFixture();
                jenkins.setUp(JenkinsWaitBenchmark.class.getName(), "scale");
                try {
                    jenkins.then(bench::inOneJenkins);
                } finally {
                    jenkins.tearDown();
                }
            }
            if (options.restart > 0) {
                bench.restart(options.restart);
            }
            if (!bench.table.isEmpty()) {
                System.out.println();
                System.out.println("| N | executors busy during the wait | threads before / during (growth)"
                        + " / peak | heap per waiting build: all / plugin classes / Pipeline classes"
                        + " | status GETs per endpoint avg / max | detection delay p50 / p99"
                        + " | /api/json while waiting p50 / max | wall | left live |");
                System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
                bench.table.forEach(System.out::println);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.out.flush();
        // Jenkins leaves non-daemon threads behind
        System.exit(0);
    }

    // ---- part 1 and 2: one Jenkins ----

    private void inOneJenkins(JenkinsRule j) throws Throwable {
        try (NetMindSimulator sim = NetMindSimulator.start()) {
            NetMindJenkinsFixture.useSimulator(sim);
            // warm up: classes loaded, script compiled once, pools started
            sim.setReadyDelay(Duration.ofSeconds(2));
            List<WorkflowRun> warm = startBuilds(j, 5);
            waitAll(j, warm);
            Thread.sleep(options.settle.toMillis());
            Integer threadsAtTen = null;
            for (int n : options.ns) {
                Scale s = scale(j, sim, n);
                if (threadsAtTen == null) {
                    threadsAtTen = s.threadsDuring;
                }
                System.out.printf(
                        Locale.ROOT,
                        "  thread growth from the first N to N=%d: %+d%n",
                        n,
                        s.threadsDuring - threadsAtTen);
            }
            if (options.abort > 0) {
                abortStorm(j, sim, options.abort);
            }
        }
    }

    /** What one scale run measured that the next needs. */
    private record Scale(int threadsDuring) {}

    private Scale scale(JenkinsRule j, NetMindSimulator sim, int n) throws Exception {
        System.out.printf(Locale.ROOT, "%nN=%d: starting %d Pipeline builds%n", n, n);
        sim.setReadyDelay(options.ready);
        sim.clearRequests();
        int threadsBefore = threads();
        Map<String, Integer> groupsBefore = threadGroups();
        // the baseline holds one parsed histogram, as the measurement during the wait does (it holds the baseline)
        HeapHistogram held = HeapHistogram.take();
        HeapHistogram heapBefore = HeapHistogram.take();
        java.lang.ref.Reference.reachabilityFence(held);
        long[] apiIdle = apiTimes(j, 5);

        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        long t0 = System.nanoTime();
        List<WorkflowRun> builds = startBuilds(j, n);
        waitUntil(() -> builds.stream().allMatch(b -> serviceId(b).isPresent()), "all " + n + " endpoints created");
        double createdAfter = (System.nanoTime() - t0) / 1e9;
        Map<String, Instant> createdAt = createTimes(sim);
        Instant firstReady = createdAt.values().stream()
                .min(Instant::compareTo)
                .orElseThrow()
                .plus(options.ready);
        Thread.sleep(options.settle.toMillis());

        // measure while every build waits
        long waiting =
                builds.stream().filter(b -> !logOf(b).contains("deployed ")).count();
        int[] executors = executors(j);
        int threadsDuring = threads();
        Map<String, Integer> groupsDuring = threadGroups();
        sim.clearRequests();
        double registryWrite = registryWriteMillis();
        int registryEntries = EndpointRegistry.get().getEndpoints().size();
        HeapHistogram heapDuring = HeapHistogram.take();
        java.lang.ref.Reference.reachabilityFence(heapBefore);
        long[] api = apiTimes(j, 10);
        boolean overlapped = Instant.now().isAfter(firstReady);

        waitAll(j, builds);
        double wall = (System.nanoTime() - t0) / 1e9;
        int peakThreads = ManagementFactory.getThreadMXBean().getPeakThreadCount();

        // per build: calls, detection delay
        List<Double> delays = new ArrayList<>();
        long[] calls = new long[n];
        int failed = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            WorkflowRun b = builds.get(i);
            if (b.getResult() != Result.SUCCESS) {
                failed++;
            }
            RecordedEndpoint e = endpointOf(b).orElseThrow();
            ids.add(e.getServiceId());
            calls[i] = sim.statusGets(e.getServiceId());
            Instant created = createdAt.get(e.getName());
            Optional<Instant> next = nodeStart(b, "echo");
            if (created != null && next.isPresent()) {
                delays.add(Duration.between(created.plus(options.ready), next.get())
                                .toMillis()
                        / 1000.0);
            }
        }
        Set<String> live = new HashSet<>(sim.liveServices());
        live.retainAll(ids);
        int registryLeft = EndpointRegistry.get().getEndpoints().size();
        double[] d = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();

        long total = heapDuring.totalBytes() - heapBefore.totalBytes();
        long plugin = heapDuring.bytes(PLUGIN) - heapBefore.bytes(PLUGIN);
        long pipeline = heapDuring.bytes(PIPELINE) - heapBefore.bytes(PIPELINE);
        System.out.printf(
                Locale.ROOT,
                "N=%d: all endpoints created %.1f s after the first build was scheduled; measured %d s later with %d"
                        + " builds waiting%s%n"
                        + "  executors busy during the wait: %d of %d (flyweight Pipeline executors, which hold no"
                        + " thread: %d)%n"
                        + "  live threads: %d before, %d during the wait (%+d)%s; peak from the first build to the"
                        + " last end: %d%n"
                        + "  controller-wide registry: %d entries during the wait; one save of it (the whole file, done"
                        + " on every ledger change: intent, created, deleting, deleted) takes %.1f ms%n"
                        + "  heap per waiting build (live objects after a full GC, shallow sizes by class): %.1f KB in"
                        + " all, of which %.2f KB instances of the plugin's classes and %.1f KB Pipeline's (flow graph,"
                        + " CPS program); rest: JDK/core objects held by either%n"
                        + "  largest growth per build: %s%n"
                        + "  status GETs per endpoint (whole life, incl. the GET confirming the delete): avg %.1f max"
                        + " %d, for a %d s wait%n"
                        + "  detection delay (endpoint available -> next Pipeline step starts): p50 %.1f s p99 %.1f s"
                        + " max %.1f s (%d builds)%n"
                        + "  GET /api/json: idle p50 %d ms max %d ms; while %d builds wait p50 %d ms max %d ms%n"
                        + "  wall %.1f s; builds not SUCCESS: %d; endpoints left live: %d; registry entries left: %d%n",
                n,
                createdAfter,
                options.settle.toSeconds(),
                waiting,
                overlapped
                        ? " (WARNING: the first endpoint was ready before the measurement ended: raise --ready)"
                        : "",
                executors[0],
                executors[1],
                executors[2],
                threadsBefore,
                threadsDuring,
                threadsDuring - threadsBefore,
                growth(groupsBefore, groupsDuring),
                peakThreads,
                registryEntries,
                registryWrite,
                total / 1024.0 / n,
                plugin / 1024.0 / n,
                pipeline / 1024.0 / n,
                topGrowth(heapDuring, heapBefore, n),
                Arrays.stream(calls).average().orElse(0),
                Arrays.stream(calls).max().orElse(0),
                options.ready.toSeconds(),
                percentile(d, 50),
                percentile(d, 99),
                d.length == 0 ? 0 : d[d.length - 1],
                d.length,
                median(apiIdle),
                apiIdle[apiIdle.length - 1],
                n,
                median(api),
                api[api.length - 1],
                wall,
                failed,
                live.size(),
                registryLeft);
        table.add(String.format(
                Locale.ROOT,
                "| %d | %d of %d | %d / %d (%+d) / %d | %.0f KB / %.2f KB / %.0f KB | %.1f / %d | %.1f s / %.1f s"
                        + " | %d ms / %d ms | %.0f s | %d |",
                n,
                executors[0],
                executors[1],
                threadsBefore,
                threadsDuring,
                threadsDuring - threadsBefore,
                peakThreads,
                total / 1024.0 / n,
                plugin / 1024.0 / n,
                pipeline / 1024.0 / n,
                Arrays.stream(calls).average().orElse(0),
                Arrays.stream(calls).max().orElse(0),
                percentile(d, 50),
                percentile(d, 99),
                median(api),
                api[api.length - 1],
                wall,
                live.size()));
        return new Scale(threadsDuring);
    }

    private void abortStorm(JenkinsRule j, NetMindSimulator sim, int n) throws Exception {
        System.out.printf(Locale.ROOT, "%nAbort storm: %d builds waiting, then all stopped at once%n", n);
        sim.setReadyDelay(Duration.ofHours(2));
        List<WorkflowRun> builds = startBuilds(j, n);
        waitUntil(() -> builds.stream().allMatch(b -> serviceId(b).isPresent()), "all " + n + " endpoints created");
        Thread.sleep(2_000);
        sim.clearRequests();
        Map<String, Instant> abortedAt = new HashMap<>();
        Instant first = Instant.now();
        for (WorkflowRun b : builds) {
            Executor executor = b.getExecutor();
            abortedAt.put(serviceId(b).orElseThrow(), Instant.now());
            if (executor != null) {
                executor.interrupt();
            }
        }
        Instant last = Instant.now();
        waitAll(j, builds);
        Set<String> ids = abortedAt.keySet();
        waitUntil(() -> sim.liveServices().stream().noneMatch(ids::contains), "every aborted endpoint deleted");
        double allGone = Duration.between(first, Instant.now()).toMillis() / 1000.0;

        Map<String, Instant> deleteSent = new HashMap<>();
        Map<String, Integer> deletes = new HashMap<>();
        for (RecordedRequest r : sim.requests(Route.DELETE)) {
            String id = r.path().substring(r.path().lastIndexOf('/') + 1);
            deleteSent.putIfAbsent(id, r.at());
            deletes.merge(id, 1, Integer::sum);
        }
        List<Double> toDelete = new ArrayList<>();
        List<Double> toGone = new ArrayList<>();
        int aborted = 0;
        for (WorkflowRun b : builds) {
            if (b.getResult() == Result.ABORTED) {
                aborted++;
            }
            RecordedEndpoint e = endpointOf(b).orElseThrow();
            Instant at = abortedAt.get(e.getServiceId());
            Instant sent = deleteSent.get(e.getServiceId());
            if (sent != null) {
                toDelete.add(Duration.between(at, sent).toMillis() / 1000.0);
            }
            if (e.getState() == LedgerEntry.State.DELETED) {
                toGone.add(
                        Duration.between(at, Instant.parse(e.getRecordedAt())).toMillis() / 1000.0);
            }
        }
        double[] del =
                toDelete.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] gone =
                toGone.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Set<String> live = new HashSet<>(sim.liveServices());
        live.retainAll(ids);
        System.out.printf(
                Locale.ROOT,
                "Abort storm N=%d: %d stops issued within %d ms; builds ABORTED: %d of %d%n"
                        + "  abort -> DELETE sent: p50 %.2f s p99 %.2f s max %.2f s (%d endpoints; DELETEs sent %d)%n"
                        + "  abort -> confirmed gone (ledger DELETED): p50 %.2f s p99 %.2f s max %.2f s (%d endpoints)%n"
                        + "  every endpoint deleted %.1f s after the first stop; left live %d; registry entries left %d%n",
                n,
                n,
                Duration.between(first, last).toMillis(),
                aborted,
                n,
                percentile(del, 50),
                percentile(del, 99),
                del.length == 0 ? 0 : del[del.length - 1],
                del.length,
                deletes.values().stream().mapToInt(Integer::intValue).sum(),
                percentile(gone, 50),
                percentile(gone, 99),
                gone.length == 0 ? 0 : gone[gone.length - 1],
                gone.length,
                allGone,
                live.size(),
                EndpointRegistry.get().getEndpoints().size());
    }

    // ---- part 3: restart ----

    private void restart(int n) throws Throwable {
        System.out.printf(Locale.ROOT, "%nRestart: %d builds waiting, Jenkins restarted in the middle%n", n);
        OffsetClock clock = new OffsetClock();
        JenkinsSessionFixture sessions = new JenkinsSessionFixture();
        sessions.setUp(JenkinsWaitBenchmark.class.getName(), "restart");
        try (NetMindSimulator sim = NetMindSimulator.builder().clock(clock).start()) {
            sim.setReadyDelay(Duration.ofHours(1));
            Instant[] stopping = new Instant[1];
            sessions.then(j -> {
                NetMindJenkinsFixture.useSimulator(sim);
                List<WorkflowRun> builds = startBuilds(j, n);
                waitUntil(
                        () -> builds.stream().allMatch(b -> serviceId(b).isPresent()),
                        "all " + n + " endpoints created");
                System.out.printf(
                        Locale.ROOT,
                        "  %d endpoints created and waiting; stopping Jenkins%n",
                        sim.allServices().size());
                stopping[0] = Instant.now();
            });
            sessions.then(j -> resumed(j, sim, clock, n, stopping[0]));
        } finally {
            sessions.tearDown();
        }
    }

    private void resumed(JenkinsRule j, NetMindSimulator sim, OffsetClock clock, int n, Instant stopping)
            throws Exception {
        Instant started = Instant.now();
        WorkflowJob p = j.jenkins.getItemByFullName("bench" + jobs, WorkflowJob.class);
        List<WorkflowRun> builds = new ArrayList<>(p.getBuilds());
        waitUntil(
                () -> builds.stream().allMatch(b -> logOf(b).contains("Resuming the wait for endpoint")),
                "every wait resumed");
        Instant allResumed = Instant.now();
        clock.advance(Duration.ofHours(2));
        waitAll(j, builds);
        Instant done = Instant.now();
        long ok = builds.stream().filter(b -> b.getResult() == Result.SUCCESS).count();
        long resumedLines = builds.stream()
                .filter(b -> logOf(b).contains("Resuming the wait for endpoint"))
                .count();
        Set<String> names = new HashSet<>();
        sim.allServices().forEach(id -> names.add(sim.name(id).orElse(id)));
        System.out.printf(
                Locale.ROOT,
                "  Jenkins back %.1f s after the stop began; every wait resumed %.1f s later; every build finished %.1f s"
                        + " after the endpoints turned available%n"
                        + "  builds: %d, SUCCESS %d, logs with 'Resuming the wait' %d; endpoints created %d with %d"
                        + " distinct names (duplicates: %d); left live %d; registry entries left %d%n",
                Duration.between(stopping, started).toMillis() / 1000.0,
                Duration.between(started, allResumed).toMillis() / 1000.0,
                Duration.between(allResumed, done).toMillis() / 1000.0,
                builds.size(),
                ok,
                resumedLines,
                sim.allServices().size(),
                names.size(),
                sim.allServices().size() - names.size(),
                sim.liveServices().size(),
                EndpointRegistry.get().getEndpoints().size());
    }

    // ---- helpers ----

    /** Starts n builds of a new job. */
    private List<WorkflowRun> startBuilds(JenkinsRule j, int n) throws Exception {
        return WaitingBuilds.start(j, "bench" + (++jobs), n);
    }

    private static void waitAll(JenkinsRule j, List<WorkflowRun> builds) throws Exception {
        waitUntil(() -> builds.stream().noneMatch(WorkflowRun::isBuilding), "all builds finished");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition c, String what) throws Exception {
        long end = System.nanoTime() + BOUND.toNanos();
        while (!c.holds()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + BOUND + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static Optional<RecordedEndpoint> endpointOf(WorkflowRun b) {
        return WaitingBuilds.endpointOf(b);
    }

    private static Optional<String> serviceId(WorkflowRun b) {
        return WaitingBuilds.serviceId(b);
    }

    private static String logOf(WorkflowRun b) {
        try {
            return b.getLog();
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** When the first node of the step {@code function} started. */
    private static Optional<Instant> nodeStart(WorkflowRun b, String function) {
        FlowExecution execution = b.getExecution();
        if (execution == null) {
            return Optional.empty();
        }
        for (FlowNode node : new DepthFirstScanner().allNodes(execution)) {
            if (function.equals(node.getDisplayFunctionName())) {
                long t = TimingAction.getStartTime(node);
                return t == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(t));
            }
        }
        return Optional.empty();
    }

    /** The time of each create request, by endpoint name (the simulator's ready delay counts from it). */
    private static Map<String, Instant> createTimes(NetMindSimulator sim) {
        Map<String, Instant> times = new HashMap<>();
        for (RecordedRequest r : sim.requests(Route.CREATE)) {
            times.putIfAbsent(r.json().path("name").asText(), r.at());
        }
        return times;
    }

    /** Heavyweight executors busy, heavyweight executors in all, flyweight (one-off) executors. */
    private static int[] executors(JenkinsRule j) {
        int busy = 0;
        int all = 0;
        int oneOff = 0;
        for (Computer c : j.jenkins.getComputers()) {
            for (Executor e : c.getExecutors()) {
                all++;
                if (e.isBusy()) {
                    busy++;
                }
            }
            oneOff += c.getOneOffExecutors().size();
        }
        return new int[] {busy, all, oneOff};
    }

    /** Sorted times in ms of {@code count} sequential GETs of /api/json. */
    private long[] apiTimes(JenkinsRule j, int count) throws Exception {
        URI uri = URI.create(j.getURL() + "api/json");
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r =
                    web.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            times[i] = (System.nanoTime() - t) / 1_000_000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("/api/json answered " + r.statusCode());
            }
        }
        Arrays.sort(times);
        return times;
    }

    /** The median time of serialising the registry as it is now, as each of its saves does. */
    private static double registryWriteMillis() throws Exception {
        java.io.File file = java.io.File.createTempFile("registry", ".xml");
        try {
            hudson.XmlFile xml = new hudson.XmlFile(file);
            long[] times = new long[5];
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                try {
                    xml.write(EndpointRegistry.get());
                } catch (RuntimeException e) {
                    return Double.NaN; // changed while we read it
                }
                times[i] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            return times[2] / 1e6;
        } finally {
            java.nio.file.Files.deleteIfExists(file.toPath());
        }
    }

    private static long median(long[] sorted) {
        return sorted[(sorted.length - 1) / 2];
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Live threads by name, digits replaced by '#'. */
    private static Map<String, Integer> threadGroups() {
        Map<String, Integer> groups = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            groups.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return groups;
    }

    /** The thread groups that changed, e.g. "; changed: jenkins.util.Timer [#] 3->10". */
    private static String growth(Map<String, Integer> before, Map<String, Integer> during) {
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(during.keySet());
        StringBuilder s = new StringBuilder();
        names.stream().sorted().forEach(name -> {
            int a = before.getOrDefault(name, 0);
            int b = during.getOrDefault(name, 0);
            if (a != b) {
                s.append(s.length() == 0 ? "; changed: " : ", ")
                        .append(name)
                        .append(' ')
                        .append(a)
                        .append("->")
                        .append(b);
            }
        });
        return s.toString();
    }

    private static String topGrowth(HeapHistogram during, HeapHistogram before, int n) {
        StringBuilder s = new StringBuilder();
        for (HeapHistogram.Growth g :
                during.topGrowth(before, 8, c -> !c.startsWith("io.jenkins.plugins.netmind.bench."))) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(String.format(
                    Locale.ROOT,
                    "%s %.1f KB (%.1f objects)",
                    g.className(),
                    g.bytes() / 1024.0 / n,
                    (double) g.instances() / n));
        }
        return s.toString();
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The command line. */
    private record Options(List<Integer> ns, Duration ready, Duration settle, int abort, int restart) {
        static Options parse(String[] args) {
            List<Integer> ns = List.of(10, 100, 500);
            Duration ready = Duration.ofSeconds(240);
            Duration settle = Duration.ofSeconds(65);
            int abort = 100;
            int restart = 100;
            for (String a : args) {
                if (a.startsWith("--ready=")) {
                    ready = Duration.ofSeconds(Long.parseLong(a.substring(8)));
                } else if (a.startsWith("--settle=")) {
                    settle = Duration.ofSeconds(Long.parseLong(a.substring(9)));
                } else if (a.startsWith("--abort=")) {
                    abort = Integer.parseInt(a.substring(8));
                } else if (a.startsWith("--restart=")) {
                    restart = Integer.parseInt(a.substring(10));
                } else if (a.equals("none")) {
                    ns = List.of();
                } else {
                    ns = Arrays.stream(a.split(",")).map(Integer::valueOf).toList();
                }
            }
            return new Options(ns, ready, settle, abort, restart);
        }
    }
}
