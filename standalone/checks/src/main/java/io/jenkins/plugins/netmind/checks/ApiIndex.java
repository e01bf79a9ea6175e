package io.jenkins.plugins.netmind.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Jenkins API index ({@code ../shared/jenkins-api/index.tsv}): one declaration a line, tab-separated, with
 * erased simple type names in signatures. See that folder's README for the format.
 */
public final class ApiIndex {

    /** A type: {@code T name kind modifiers typeParameterCount extends implements}. */
    public record Type(
            String name,
            String kind,
            Set<String> modifiers,
            int typeParameters,
            List<String> superclasses,
            List<String> interfaces,
            List<Member> members) {

        /** Direct supertypes as listed (fully qualified; an unresolved one ends in {@code ?}). */
        public List<String> supertypes() {
            List<String> all = new ArrayList<>(superclasses);
            all.addAll(interfaces);
            return all;
        }
    }

    /** A member: {@code M}, {@code C} or {@code F}; {@code params} is null for fields. */
    public record Member(
            char what,
            String owner,
            String name,
            List<String> params,
            String type,
            Set<String> modifiers,
            List<String> thrown) {

        boolean isStatic() {
            return modifiers.contains("static");
        }

        boolean isAbstract() {
            return modifiers.contains("abstract");
        }

        String access() {
            return modifiers.contains("public") ? "public" : modifiers.contains("protected") ? "protected" : "package";
        }

        /** How a user reads it: {@code getFoo(String,int)}, {@code <init>(String)} or a field name. */
        String display() {
            return params == null ? name : name + "(" + String.join(",", params) + ")";
        }
    }

    private final Map<String, Type> types;

    private ApiIndex(Map<String, Type> types) {
        this.types = types;
    }

    public static ApiIndex read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static ApiIndex parse(List<String> lines) {
        Map<String, Type> types = new HashMap<>();
        Map<String, List<Member>> members = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "T" -> {
                    List<Member> list = members.computeIfAbsent(f[1], k -> new ArrayList<>());
                    types.put(
                            f[1],
                            new Type(f[1], f[2], set(f[3]), Integer.parseInt(f[4]), list(f[5]), list(f[6]), list));
                }
                case "M" ->
                    members.computeIfAbsent(f[1], k -> new ArrayList<>())
                            .add(new Member('M', f[1], f[2], params(f[3]), f[4], set(f[5]), list(at(f, 6))));
                case "C" ->
                    members.computeIfAbsent(f[1], k -> new ArrayList<>())
                            .add(new Member('C', f[1], "<init>", params(f[2]), "void", set(f[3]), list(at(f, 4))));
                case "F" ->
                    members.computeIfAbsent(f[1], k -> new ArrayList<>())
                            .add(new Member('F', f[1], f[2], null, f[3], set(f[4]), List.of()));
                default -> throw new IllegalArgumentException("unknown index line: " + line);
            }
        }
        return new ApiIndex(types);
    }

    public Optional<Type> type(String binaryName) {
        return Optional.ofNullable(types.get(binaryName));
    }

    public Collection<Type> types() {
        return types.values();
    }

    /** The type and all its supertypes found in the index, nearest first (the type itself first). */
    public List<Type> hierarchy(Type type) {
        Set<String> seen = new LinkedHashSet<>();
        List<Type> result = new ArrayList<>();
        Deque<Type> queue = new ArrayDeque<>(List.of(type));
        while (!queue.isEmpty()) {
            Type next = queue.removeFirst();
            if (!seen.add(next.name())) {
                continue;
            }
            result.add(next);
            for (String s : next.supertypes()) {
                type(s).ifPresent(queue::addLast);
            }
        }
        return result;
    }

    /** Every supertype name reachable from the type through the index, including unresolved ({@code ?}) ones. */
    public Set<String> allSupertypeNames(Type type) {
        Set<String> names = new LinkedHashSet<>();
        for (Type t : hierarchy(type)) {
            names.addAll(t.supertypes());
        }
        return names;
    }

    private static String at(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static Set<String> set(String s) {
        return new LinkedHashSet<>(list(s));
    }

    private static List<String> list(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    private static List<String> params(String s) {
        return list(s.substring(1, s.length() - 1));
    }
}
