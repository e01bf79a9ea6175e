package io.jenkins.plugins.netmind.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.netmind.lifecycle.ResumeState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a running step saves with the Pipeline program. Pipeline saves it with JBoss Marshalling (River): every saved
 * field must be serializable (futures, connections and lambdas stay transient), and no record may be reachable from the
 * saved fields, since River releases before 2.1 restore objects by setting their fields, which a record forbids. Times
 * are saved as epoch milliseconds, as {@code SleepStep} and {@code TimeoutStep} save theirs; the {@code Instant} fields
 * of the first release stay (deprecated, null in what is saved now) so that its saved programs still load.
 */
class ExecutionSerialFormTest {

    private static final List<Class<?>> EXECUTIONS = List.of(
            NetmindDeployStep.Execution.class,
            WithEndpointExecution.class,
            ScaleExecution.class,
            TeardownExecution.class);

    @Test
    void noExecutionSavesARecordOrSomethingUnserializable() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> execution : EXECUTIONS) {
            collectProblems(execution, execution.getSimpleName(), seen, problems);
        }
        assertEquals(List.of(), problems, "fields in the saved form of the step executions");
    }

    /**
     * Walks the saved (non-static, non-transient) fields of our own classes, naming each one whose type is a record,
     * or neither primitive nor serializable (a future, a lambda's interface, a connection: those must be transient).
     */
    private static void collectProblems(Class<?> type, String path, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && isOurs(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int modifiers = f.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    continue;
                }
                String where = path + "." + f.getName();
                Class<?> fieldType = f.getType();
                if (fieldType.getName().startsWith("java.time.") && !f.isAnnotationPresent(Deprecated.class)) {
                    problems.add(where + " keeps a time as " + fieldType.getName() + ", not as epoch milliseconds");
                } else if (fieldType.isRecord()) {
                    problems.add(where + " is a record (" + fieldType.getName() + ")");
                } else if (!fieldType.isPrimitive() && !Serializable.class.isAssignableFrom(fieldType)) {
                    problems.add(where + " is not serializable (" + fieldType.getName() + ")");
                }
                if (isOurs(fieldType)) {
                    collectProblems(fieldType, where, seen, problems);
                }
            }
        }
    }

    @Test
    void aStateSavedByTheFirstReleaseWithInstantsStillLoads() throws Exception {
        Instant deadline = Instant.parse("2026-01-02T03:04:05.123456Z");
        Instant createdAt = Instant.parse("2026-01-02T02:50:00Z");
        SavedResumeState saved = SavedResumeState.of(
                new ResumeState("old-1-abc", "svc-1", Instant.EPOCH, null, false, "f", "F", null, "usd", 1, null));
        // what the first release wrote: the Instant fields set, the millisecond fields absent (0 when read back)
        set(saved, "deadline", deadline);
        set(saved, "createdAt", createdAt);
        set(saved, "deadlineMillis", 0L);
        set(saved, "createdAtMillis", 0L);

        ResumeState back = roundTrip(saved).toResumeState();

        assertEquals(deadline, back.deadline());
        assertEquals(createdAt, back.createdAt());
    }

    @Test
    void statusesForThreadDumpsAreNotLocalized() throws Exception {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("Messages.properties")) {
            messages.load(in);
        }
        List<String> statusKeys = messages.stringPropertyNames().stream()
                .filter(k -> k.contains(".status"))
                .sorted()
                .toList();
        assertEquals(List.of(), statusKeys, "getStatus() is for thread dumps and stays in English (see its Javadoc)");
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static SavedResumeState roundTrip(SavedResumeState state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SavedResumeState) in.readObject();
        }
    }

    private static boolean isOurs(Class<?> c) {
        return c.getName().startsWith("io.jenkins.plugins.netmind.");
    }

    @Test
    void theSavedResumeStateGivesBackTheSameRecordAfterSerialization() throws Exception {
        ResumeState state = new ResumeState(
                "team-app-7-x1y2z3",
                "svc-42",
                Instant.parse("2026-01-02T03:04:05Z"),
                "/v1/models",
                true,
                "7b2f36d30e0743debc6c60d5017e2d16",
                "NVIDIA_GeForce_RTX_4090",
                new BigDecimal("0.30"),
                "usd",
                2,
                Instant.parse("2026-01-02T02:50:00Z"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(SavedResumeState.of(state));
        }
        SavedResumeState back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (SavedResumeState) in.readObject();
        }

        assertEquals(state, back.toResumeState());
        assertEquals("team-app-7-x1y2z3", back.name());
        assertNull(SavedResumeState.of(null));
    }
}
