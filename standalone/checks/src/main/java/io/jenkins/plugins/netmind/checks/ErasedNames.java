package io.jenkins.plugins.netmind.checks;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Type names as the index writes them: erased and simple, nested types by their own simple name, arrays as []. */
final class ErasedNames {

    private ErasedNames() {}

    static String of(Class<?> type) {
        if (type.isArray()) {
            return of(type.getComponentType()) + "[]";
        }
        return simple(type.getName());
    }

    /** The last segment of a qualified or binary name: {@code a.b.Outer$Inner} gives {@code Inner}. */
    static String simple(String name) {
        String s = name.endsWith("?") ? name.substring(0, name.length() - 1) : name;
        s = s.substring(s.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    static List<String> params(Executable executable) {
        List<Class<?>> types = new ArrayList<>(Arrays.asList(executable.getParameterTypes()));
        Class<?> declaring = executable.getDeclaringClass();
        if (executable instanceof Constructor<?>
                && declaring.getEnclosingClass() != null
                && !Modifier.isStatic(declaring.getModifiers())
                && !declaring.isInterface()
                && !types.isEmpty()
                && types.get(0) == declaring.getEnclosingClass()) {
            types.remove(0); // the outer instance of a non-static inner class
        }
        return types.stream().map(ErasedNames::of).toList();
    }

    static List<String> thrown(Executable executable) {
        return Arrays.stream(executable.getExceptionTypes())
                .map(ErasedNames::of)
                .sorted()
                .toList();
    }

    /** Normalises an index name for comparison (the index writes nested types by simple name too). */
    static List<String> normalise(List<String> names) {
        return names.stream()
                .map(n -> n.endsWith("[]") ? simple(n.replace("[]", "")) + suffix(n) : simple(n))
                .toList();
    }

    private static String suffix(String arrayName) {
        return arrayName.substring(arrayName.indexOf("[]"));
    }
}
