package io.jenkins.plugins.netmind.checks;

import io.jenkins.plugins.netmind.checks.ApiIndex.Member;
import io.jenkins.plugins.netmind.checks.ApiIndex.Type;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Holds compiled stub classes to the Jenkins API index. A stub is faithful when its type exists with the same kind
 * and type-parameter count; each public or protected constructor, method and field exists with the same name,
 * parameter types, return type, static-ness, access and thrown types on the real type or one of its supertypes;
 * every abstract method of the real type is abstract in the stub; and every supertype the stub declares is a
 * supertype of the real type. Anything else would let code compile here that does not compile against Jenkins.
 */
public final class StubFidelity {

    private final ApiIndex index;

    public StubFidelity(ApiIndex index) {
        this.index = index;
    }

    /** Usage: {@code StubFidelity <index.tsv> <classes dir>...}; throws naming every problem. */
    public static void main(String[] args) throws IOException {
        ApiIndex index = ApiIndex.read(Path.of(args[0]));
        List<Path> dirs = Arrays.stream(args).skip(1).map(Path::of).toList();
        Result result = new StubFidelity(index).check(dirs, StubFidelity.class.getClassLoader());
        System.out.println(result.summary());
        if (!result.problems().isEmpty()) {
            throw new IllegalStateException(result.report());
        }
    }

    /** What a check found: how many stub types it looked at, and one line per problem. */
    public record Result(List<String> checkedTypes, List<String> problems) {
        public String summary() {
            return "[netmind] stub fidelity: " + checkedTypes.size() + " stub types checked, " + problems.size()
                    + " problems";
        }

        public String report() {
            return summary() + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems));
        }
    }

    /** Checks every class in the directories; the parent loader supplies their libraries (and other stubs). */
    public Result check(List<Path> classDirs, ClassLoader parent) throws IOException {
        StubClasses loader = new StubClasses(classDirs, parent);
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : loader.names()) {
            if (name.matches(".*\\$[0-9].*")) {
                continue; // anonymous and local classes are bodies, not API
            }
            Class<?> stub;
            try {
                stub = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(name + ": cannot be loaded (" + e + ")");
                continue;
            }
            if (stub.isSynthetic()) {
                continue;
            }
            checked.add(name);
            checkType(stub, problems);
        }
        return new Result(checked, problems);
    }

    void checkType(Class<?> stub, List<String> problems) {
        String name = stub.getName();
        Optional<Type> found = index.type(name);
        if (found.isEmpty()) {
            problems.add(name + ": type does not exist in the real API");
            return;
        }
        Type real = found.get();
        String kind = kind(stub);
        if (!kind.equals(real.kind())) {
            problems.add(name + ": is " + article(kind) + " in the stub but " + article(real.kind()) + " in Jenkins");
        }
        int typeParameters = stub.getTypeParameters().length;
        if (typeParameters != real.typeParameters()) {
            problems.add(name + ": has " + typeParameters + " type parameters in the stub but " + real.typeParameters()
                    + " in Jenkins");
        }
        checkSupertypes(stub, real, problems);
        for (Constructor<?> c : stub.getDeclaredConstructors()) {
            if (isApi(c.getModifiers()) && !c.isSynthetic() && !stub.isEnum()) {
                checkConstructor(c, real, problems);
            }
        }
        for (Method m : stub.getDeclaredMethods()) {
            if (isApi(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                checkMethod(m, real, problems);
            }
        }
        for (Field f : stub.getDeclaredFields()) {
            if (isApi(f.getModifiers()) && !f.isSynthetic()) {
                checkField(f, real, problems);
            }
        }
        checkAbstractMethods(stub, real, problems);
    }

    private void checkSupertypes(Class<?> stub, Type real, List<String> problems) {
        Set<String> realSupers = index.allSupertypeNames(real);
        List<Class<?>> declared = new ArrayList<>(Arrays.asList(stub.getInterfaces()));
        Class<?> superclass = stub.getSuperclass();
        if (superclass != null
                && superclass != Object.class
                && superclass != Enum.class
                && superclass != Record.class) {
            declared.add(0, superclass);
        }
        for (Class<?> s : declared) {
            if (stub.isAnnotation() && s == java.lang.annotation.Annotation.class) {
                continue;
            }
            boolean known = realSupers.contains(s.getName())
                    || realSupers.stream()
                            .anyMatch(r ->
                                    r.endsWith("?") && ErasedNames.simple(r).equals(s.getSimpleName()));
            if (!known) {
                problems.add(
                        stub.getName() + ": extends or implements " + s.getName() + ", which the real type does not");
            }
        }
    }

    private void checkConstructor(Constructor<?> c, Type real, List<String> problems) {
        List<String> params = ErasedNames.params(c);
        String shown = c.getDeclaringClass().getName() + ": constructor (" + String.join(",", params) + ")";
        Optional<Member> match = real.members().stream()
                .filter(m ->
                        m.what() == 'C' && ErasedNames.normalise(m.params()).equals(params))
                .findFirst();
        if (match.isEmpty()) {
            problems.add(shown + " does not exist in the real API");
            return;
        }
        compareAccessAndThrows(shown, c, match.get(), problems);
    }

    private void checkMethod(Method m, Type real, List<String> problems) {
        List<String> params = ErasedNames.params(m);
        String shown =
                m.getDeclaringClass().getName() + ": method " + m.getName() + "(" + String.join(",", params) + ")";
        List<Member> candidates = index.hierarchy(real).stream()
                .flatMap(t -> t.members().stream())
                .filter(r -> r.what() == 'M' && r.name().equals(m.getName()))
                .filter(r -> ErasedNames.normalise(r.params()).equals(params))
                .toList();
        if (candidates.isEmpty()) {
            if (!inheritedFromOutsideIndex(m, real, params)) {
                problems.add(shown + " does not exist in the real API (not on " + real.name() + " nor its supertypes)");
            }
            return;
        }
        List<String> mismatches = new ArrayList<>();
        for (Member r : candidates) {
            List<String> diff = new ArrayList<>();
            String returns = ErasedNames.of(m.getReturnType());
            if (!returns.equals(ErasedNames.simple(r.type()))) {
                diff.add("returns " + returns + " in the stub but " + r.type() + " in Jenkins");
            }
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (isStatic != r.isStatic()) {
                diff.add(
                        isStatic
                                ? "is static in the stub but not in Jenkins"
                                : "is static in Jenkins but not in the stub");
            }
            if (m.getDeclaringClass().isAnnotation()) {
                boolean hasDefault = m.getDefaultValue() != null;
                if (hasDefault != r.modifiers().contains("default")) {
                    diff.add(
                            hasDefault
                                    ? "has a default in the stub but not in Jenkins"
                                    : "has a default in Jenkins but not in the stub");
                }
            }
            compareAccessAndThrows("", m, r, diff);
            if (diff.isEmpty()) {
                return;
            }
            mismatches.add(String.join("; ", diff).replaceAll("^: ", "") + " (declared in " + r.owner() + ")");
        }
        problems.add(shown + " " + mismatches.get(0));
    }

    /** A method of a JDK or library supertype (java.lang.Object, Enum, Record, Comparable...) that the index omits. */
    private boolean inheritedFromOutsideIndex(Method m, Type real, List<String> params) {
        List<Class<?>> outside = new ArrayList<>(List.of(Object.class));
        if ("enum".equals(real.kind())) {
            outside.add(Enum.class);
        }
        if ("record".equals(real.kind())) {
            outside.add(Record.class);
        }
        if ("annotation".equals(real.kind())) {
            outside.add(java.lang.annotation.Annotation.class);
        }
        for (String s : index.allSupertypeNames(real)) {
            if (index.type(s).isEmpty() && !s.endsWith("?")) {
                try {
                    outside.add(Class.forName(s, false, m.getDeclaringClass().getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // not on the classpath: nothing to compare with
                }
            }
        }
        for (Class<?> c : outside) {
            for (Method o : c.getMethods()) {
                if (o.getName().equals(m.getName())
                        && ErasedNames.params(o).equals(params)
                        && ErasedNames.of(o.getReturnType()).equals(ErasedNames.of(m.getReturnType()))) {
                    return true;
                }
            }
            for (Method o : c.getDeclaredMethods()) {
                if (Modifier.isProtected(o.getModifiers())
                        && o.getName().equals(m.getName())
                        && ErasedNames.params(o).equals(params)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkField(Field f, Type real, List<String> problems) {
        String shown = f.getDeclaringClass().getName() + ": field " + f.getName();
        Optional<Member> match = index.hierarchy(real).stream()
                .flatMap(t -> t.members().stream())
                .filter(r -> r.what() == 'F' && r.name().equals(f.getName()))
                .findFirst();
        if (match.isEmpty()) {
            problems.add(shown + " does not exist in the real API");
            return;
        }
        Member r = match.get();
        String type = ErasedNames.of(f.getType());
        if (!type.equals(ErasedNames.simple(r.type()))) {
            problems.add(shown + " has type " + type + " in the stub but " + r.type() + " in Jenkins");
        }
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if (isStatic != r.isStatic()) {
            problems.add(shown
                    + (isStatic
                            ? " is static in the stub but not in Jenkins"
                            : " is static in Jenkins but not in the stub"));
        }
        String access = access(f.getModifiers());
        if (!access.equals(r.access())) {
            problems.add(shown + " is " + access + " in the stub but " + r.access() + " in Jenkins");
        }
    }

    private static void compareAccessAndThrows(String shown, Executable e, Member r, List<String> out) {
        String prefix = shown.isEmpty() ? "" : shown + " ";
        String access = access(e.getModifiers());
        if (!access.equals(r.access())) {
            out.add(prefix + "is " + access + " in the stub but " + r.access() + " in Jenkins");
        }
        List<String> thrown = ErasedNames.thrown(e);
        List<String> realThrown =
                ErasedNames.normalise(r.thrown()).stream().sorted().toList();
        if (!thrown.equals(realThrown)) {
            out.add(prefix + "throws " + show(thrown) + " in the stub but " + show(realThrown) + " in Jenkins");
        }
    }

    /** Every abstract method of the real type (declared or inherited, not implemented) must be abstract in the stub. */
    private void checkAbstractMethods(Class<?> stub, Type real, List<String> problems) {
        if (!"class".equals(real.kind()) && !"interface".equals(real.kind())) {
            return;
        }
        List<Member> all = index.hierarchy(real).stream()
                .flatMap(t -> t.members().stream())
                .filter(m -> m.what() == 'M' && !m.isStatic())
                .toList();
        Set<String> reported = new LinkedHashSet<>();
        for (Member abs : all) {
            if (!abs.isAbstract() || implemented(abs, all)) {
                continue;
            }
            String key = abs.name() + ErasedNames.normalise(abs.params());
            if (!reported.add(key)) {
                continue;
            }
            Optional<Method> inStub = findInStub(stub, abs.name(), ErasedNames.normalise(abs.params()));
            if (inStub.isEmpty()) {
                problems.add(stub.getName() + ": leaves out abstract method " + abs.display() + " of " + abs.owner());
            } else if (!Modifier.isAbstract(inStub.get().getModifiers())) {
                problems.add(stub.getName() + ": method " + abs.display() + " is abstract in Jenkins (" + abs.owner()
                        + ") but implemented in the stub ("
                        + inStub.get().getDeclaringClass().getName() + ")");
            }
        }
    }

    /** Whether some type of the hierarchy implements the abstract method (a concrete or default method). */
    private static boolean implemented(Member abs, List<Member> all) {
        List<String> absParams = ErasedNames.normalise(abs.params());
        for (Member m : all) {
            if (m.isAbstract() || !m.name().equals(abs.name()) || m.params().size() != absParams.size()) {
                continue;
            }
            List<String> params = ErasedNames.normalise(m.params());
            boolean compatible = true;
            for (int i = 0; i < params.size() && compatible; i++) {
                // a type variable erases to Object in the generic supertype; the implementation names the real type
                compatible = params.get(i).equals(absParams.get(i))
                        || absParams.get(i).equals("Object");
            }
            if (compatible) {
                return true;
            }
        }
        return false;
    }

    /** The declaration a call on the stub resolves to: the class chain first, then the interfaces. */
    private static Optional<Method> findInStub(Class<?> stub, String name, List<String> params) {
        for (Class<?> c = stub; c != null; c = c.getSuperclass()) {
            Optional<Method> m = declared(c, name, params);
            if (m.isPresent()) {
                return m;
            }
        }
        List<Class<?>> queue = new ArrayList<>();
        for (Class<?> c = stub; c != null; c = c.getSuperclass()) {
            queue.addAll(Arrays.asList(c.getInterfaces()));
        }
        for (int i = 0; i < queue.size(); i++) {
            Optional<Method> m = declared(queue.get(i), name, params);
            if (m.isPresent()) {
                return m;
            }
            queue.addAll(Arrays.asList(queue.get(i).getInterfaces()));
        }
        return Optional.empty();
    }

    private static Optional<Method> declared(Class<?> c, String name, List<String> params) {
        return Stream.of(c.getDeclaredMethods())
                .filter(m -> !m.isBridge() && !m.isSynthetic() && m.getName().equals(name))
                .filter(m -> ErasedNames.params(m).equals(params))
                .findFirst();
    }

    private static String kind(Class<?> c) {
        if (c.isAnnotation()) {
            return "annotation";
        }
        if (c.isInterface()) {
            return "interface";
        }
        if (c.isEnum()) {
            return "enum";
        }
        return c.isRecord() ? "record" : "class";
    }

    private static String article(String kind) {
        return (kind.startsWith("a") || kind.startsWith("e") || kind.startsWith("i") ? "an " : "a ") + kind;
    }

    private static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String access(int modifiers) {
        return Modifier.isPublic(modifiers) ? "public" : Modifier.isProtected(modifiers) ? "protected" : "package";
    }

    private static String show(List<String> thrown) {
        return thrown.isEmpty() ? "nothing" : String.join(",", thrown);
    }
}
