package io.jenkins.plugins.netmind.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds the fidelity check deliberately wrong stubs against a small index, and expects each failure by name. */
class StubFidelityTest {

    private static final ApiIndex INDEX = ApiIndex.parse(List.of(
            "T\tdemo.api.Base\tclass\tabstract,public\t1\t\t",
            "C\tdemo.api.Base\t()\tprotected\t",
            "M\tdemo.api.Base\tname\t()\tString\tpublic\t",
            "M\tdemo.api.Base\trun\t(String,int)\tboolean\tabstract,public\tIOException,InterruptedException",
            "M\tdemo.api.Base\tof\t(String)\tBase\tpublic,static\t",
            "F\tdemo.api.Base\tLIMIT\tint\tfinal,public,static",
            "T\tdemo.api.Base$Part\tclass\tpublic\t0\t\t",
            "C\tdemo.api.Base$Part\t(String)\tpublic\t",
            "T\tdemo.api.Plain\tclass\tpublic\t0\tdemo.api.Base\t",
            "C\tdemo.api.Plain\t()\tpublic\t",
            "M\tdemo.api.Plain\trun\t(String,int)\tboolean\tpublic\tIOException,InterruptedException",
            "T\tdemo.api.Shape\tinterface\tpublic\t0\t\t",
            "M\tdemo.api.Shape\tarea\t()\tdouble\tabstract,public\t",
            "M\tdemo.api.Shape\tunit\t()\tString\tdefault,public\t",
            "T\tdemo.api.Named\tannotation\tpublic\t0\t\t",
            "M\tdemo.api.Named\tvalue\t()\tString\tabstract,public\t",
            "M\tdemo.api.Named\tbrief\t()\tboolean\tabstract,default,public\t"));

    private static final String BASE = """
            package demo.api;
            public abstract class Base<T> {
                protected Base() { throw new UnsupportedOperationException("stub"); }
                public String name() { throw new UnsupportedOperationException("stub"); }
                public abstract boolean run(String s, int n) throws java.io.IOException, InterruptedException;
                public static Base<?> of(String s) { throw new UnsupportedOperationException("stub"); }
                public static final int LIMIT = 3;
                public class Part { public Part(String s) { throw new UnsupportedOperationException("stub"); } }
            }
            """;
    private static final String PLAIN = """
            package demo.api;
            public class Plain extends Base<String> {
                public boolean run(String s, int n) throws java.io.IOException, InterruptedException {
                    throw new UnsupportedOperationException("stub");
                }
            }
            """;
    private static final String SHAPE = """
            package demo.api;
            public interface Shape {
                double area();
                default String unit() { throw new UnsupportedOperationException("stub"); }
            }
            """;
    private static final String NAMED = """
            package demo.api;
            public @interface Named {
                String value();
                boolean brief() default false;
            }
            """;

    @TempDir
    Path work;

    private StubFidelity.Result check(Map<String, String> stubs) throws Exception {
        Path classes = Javac.compile(work, "stubs", stubs);
        return new StubFidelity(INDEX).check(List.of(classes), getClass().getClassLoader());
    }

    private List<String> problems(Map<String, String> stubs) throws Exception {
        return check(stubs).problems();
    }

    @Test
    void faithfulStubsPass() throws Exception {
        StubFidelity.Result result = check(Map.of(
                "demo.api.Base", BASE, "demo.api.Plain", PLAIN, "demo.api.Shape", SHAPE, "demo.api.Named", NAMED));

        assertEquals(List.of(), result.problems());
        assertEquals(
                List.of("demo.api.Base", "demo.api.Base$Part", "demo.api.Named", "demo.api.Plain", "demo.api.Shape"),
                result.checkedTypes());
    }

    @Test
    void memberThatDoesNotExistFails() throws Exception {
        String stub = BASE.replace("public static final int", "public void extra(long x) {}\n public static final int");

        assertEquals(
                List.of("demo.api.Base: method extra(long) does not exist in the real API"
                        + " (not on demo.api.Base nor its supertypes)"),
                problems(Map.of("demo.api.Base", stub)));
    }

    @Test
    void wrongReturnTypeFails() throws Exception {
        String stub = BASE.replace("public String name()", "public Object name()");

        assertEquals(
                List.of("demo.api.Base: method name() returns Object in the stub but String in Jenkins"
                        + " (declared in demo.api.Base)"),
                problems(Map.of("demo.api.Base", stub)));
    }

    @Test
    void wrongParameterTypesFail() throws Exception {
        String stub = BASE.replace("of(String s)", "of(CharSequence s)");

        assertEquals(
                List.of("demo.api.Base: method of(CharSequence) does not exist in the real API"
                        + " (not on demo.api.Base nor its supertypes)"),
                problems(Map.of("demo.api.Base", stub)));
    }

    @Test
    void wrongStaticnessFails() throws Exception {
        String stub = BASE.replace("public static Base<?> of", "public Base<?> of");

        assertEquals(
                List.of("demo.api.Base: method of(String) is static in Jenkins but not in the stub"
                        + " (declared in demo.api.Base)"),
                problems(Map.of("demo.api.Base", stub)));
    }

    @Test
    void wrongThrownTypesFail() throws Exception {
        String stub = PLAIN.replace(", InterruptedException", "");

        assertEquals(
                List.of("demo.api.Plain: method run(String,int) throws IOException in the stub but"
                        + " IOException,InterruptedException in Jenkins (declared in demo.api.Plain)"),
                problems(Map.of("demo.api.Base", BASE, "demo.api.Plain", stub)));
    }

    @Test
    void wrongFieldFails() throws Exception {
        String stub = BASE.replace("public static final int LIMIT = 3;", "public static final long LIMIT = 3;");

        assertEquals(
                List.of("demo.api.Base: field LIMIT has type long in the stub but int in Jenkins"),
                problems(Map.of("demo.api.Base", stub)));
    }

    @Test
    void wrongAccessFails() throws Exception {
        String stub = BASE.replace("protected Base()", "public Base()");

        assertEquals(
                List.of("demo.api.Base: constructor () is public in the stub but protected in Jenkins"),
                problems(Map.of("demo.api.Base", stub)));
    }

    @Test
    void constructorThatDoesNotExistFails() throws Exception {
        String stub = PLAIN.replace("public class Plain extends Base<String> {", """
                public class Plain extends Base<String> {
                    public Plain(int size) { throw new UnsupportedOperationException("stub"); }
                """);

        assertEquals(
                List.of("demo.api.Plain: constructor (int) does not exist in the real API"),
                problems(Map.of("demo.api.Base", BASE, "demo.api.Plain", stub)));
    }

    @Test
    void leftOutAbstractMethodFails() throws Exception {
        String stub = SHAPE.replace("double area();", "");

        assertEquals(
                List.of("demo.api.Shape: leaves out abstract method area() of demo.api.Shape"),
                problems(Map.of("demo.api.Shape", stub)));
    }

    @Test
    void abstractMethodImplementedInTheStubFails() throws Exception {
        String stub = BASE.replace(
                "public abstract boolean run(String s, int n) throws java.io.IOException, InterruptedException;",
                "public boolean run(String s, int n) throws java.io.IOException, InterruptedException {"
                        + " throw new UnsupportedOperationException(\"stub\"); }");

        assertEquals(
                List.of("demo.api.Base: method run(String,int) is abstract in Jenkins (demo.api.Base) but implemented"
                        + " in the stub (demo.api.Base)"),
                problems(Map.of("demo.api.Base", stub)));
    }

    @Test
    void wrongKindFails() throws Exception {
        String stub = """
                package demo.api;
                public abstract class Shape {
                    public abstract double area();
                    public String unit() { throw new UnsupportedOperationException("stub"); }
                }
                """;

        List<String> problems = problems(Map.of("demo.api.Shape", stub));

        assertTrue(
                problems.contains("demo.api.Shape: is a class in the stub but an interface in Jenkins"),
                problems.toString());
    }

    @Test
    void wrongTypeParameterCountFails() throws Exception {
        String stub = BASE.replace("class Base<T>", "class Base").replace("Base<?>", "Base");

        assertEquals(
                List.of("demo.api.Base: has 0 type parameters in the stub but 1 in Jenkins"),
                problems(Map.of("demo.api.Base", stub)));
    }

    @Test
    void typeThatDoesNotExistFails() throws Exception {
        assertEquals(
                List.of("demo.api.Invented: type does not exist in the real API"),
                problems(Map.of("demo.api.Invented", "package demo.api; public class Invented {}")));
    }

    @Test
    void supertypeTheRealTypeLacksFails() throws Exception {
        String stub = PLAIN.replace("extends Base<String>", "extends Base<String> implements Shape")
                .replace("public boolean run", "public double area() { return 0; }\n public boolean run");

        List<String> problems =
                problems(Map.of("demo.api.Base", BASE, "demo.api.Plain", stub, "demo.api.Shape", SHAPE));

        assertTrue(
                problems.contains("demo.api.Plain: extends or implements demo.api.Shape, which the real type does not"),
                problems.toString());
    }

    @Test
    void annotationDefaultMustMatch() throws Exception {
        String stub = NAMED.replace("boolean brief() default false;", "boolean brief();");

        assertEquals(
                List.of("demo.api.Named: method brief() has a default in Jenkins but not in the stub"
                        + " (declared in demo.api.Named)"),
                problems(Map.of("demo.api.Named", stub)));
    }

    @Test
    void realIndexCatchesAWrongStubOfResult() throws Exception {
        Path index = RealStubsFidelityTest.indexOrSkip();
        Path classes = Javac.compile(work, "stubs", Map.of("hudson.model.Result", """
                package hudson.model;
                public final class Result implements java.io.Serializable {
                    private Result() {}
                    public static final Result SUCCESS = null;
                    public boolean isBetterThan(Result that) { throw new UnsupportedOperationException("stub"); }
                    public Result combine(Result that, boolean quietly) { throw new UnsupportedOperationException("stub"); }
                    public static Result fromString(String s) { throw new UnsupportedOperationException("stub"); }
                    public boolean isCompleteBuild() throws java.io.IOException { throw new UnsupportedOperationException("stub"); }
                }
                """));

        List<String> problems = new StubFidelity(ApiIndex.read(index))
                .check(List.of(classes), getClass().getClassLoader())
                .problems();

        assertEquals(
                List.of(
                        "hudson.model.Result: method combine(Result,boolean) does not exist in the real API"
                                + " (not on hudson.model.Result nor its supertypes)",
                        "hudson.model.Result: method isCompleteBuild() throws IOException in the stub but nothing"
                                + " in Jenkins (declared in hudson.model.Result)"),
                problems.stream().sorted().toList());
        assertFalse(problems.isEmpty());
    }
}
