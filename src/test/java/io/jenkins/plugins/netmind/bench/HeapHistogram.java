package io.jenkins.plugins.netmind.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.management.ObjectName;

/**
 * A class histogram of the live heap, as {@code jcmd <pid> GC.class_histogram} prints it, taken in this JVM through the
 * {@code DiagnosticCommand} MBean (which runs a full collection first). Sizes are shallow: an object counts under its
 * own class, not under the class that holds it.
 */
final class HeapHistogram {

    /** Instances and shallow bytes of one class. */
    record Row(long instances, long bytes) {}

    /** A class and how much it grew between two histograms. */
    record Growth(String className, long instances, long bytes) {}

    private final Map<String, Row> rows;
    private final long totalBytes;

    private HeapHistogram(Map<String, Row> rows, long totalBytes) {
        this.rows = rows;
        this.totalBytes = totalBytes;
    }

    /** Takes a histogram of the live objects (after a full collection). */
    static HeapHistogram take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        return parse(text);
    }

    /** Parses the command's output: {@code "   1:   instances   bytes  class.Name (module)"}, then a Total line. */
    static HeapHistogram parse(String text) {
        Map<String, Row> rows = new HashMap<>();
        long total = 0;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                rows.merge(
                        f[3],
                        new Row(Long.parseLong(f[1]), Long.parseLong(f[2])),
                        (a, b) -> new Row(a.instances() + b.instances(), a.bytes() + b.bytes()));
            } else if (f.length >= 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            }
        }
        return new HeapHistogram(rows, total);
    }

    /** Shallow bytes of all live objects. */
    long totalBytes() {
        return totalBytes;
    }

    /** Shallow bytes of the classes whose name passes {@code classes}. */
    long bytes(Predicate<String> classes) {
        return rows.entrySet().stream()
                .filter(e -> classes.test(e.getKey()))
                .mapToLong(e -> e.getValue().bytes())
                .sum();
    }

    /** The {@code limit} classes passing {@code classes} that grew most in bytes from {@code before} to this one. */
    List<Growth> topGrowth(HeapHistogram before, int limit, Predicate<String> classes) {
        List<Growth> all = new ArrayList<>();
        rows.forEach((name, row) -> {
            if (!classes.test(name)) {
                return;
            }
            Row old = before.rows.getOrDefault(name, new Row(0, 0));
            all.add(new Growth(name, row.instances() - old.instances(), row.bytes() - old.bytes()));
        });
        all.sort(Comparator.comparingLong(Growth::bytes).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }
}
