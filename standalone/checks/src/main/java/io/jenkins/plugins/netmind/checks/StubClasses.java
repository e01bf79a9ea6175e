package io.jenkins.plugins.netmind.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads every class found in some class directories, preferring those directories over the parent loader (so a
 * test can check a deliberately wrong stub of a class that also exists among the real stubs).
 */
final class StubClasses extends ClassLoader {

    private final Map<String, Path> files = new TreeMap<>();

    StubClasses(List<Path> classDirs, ClassLoader parent) throws IOException {
        super(parent);
        for (Path dir : classDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file :
                        walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = dir.relativize(file)
                            .toString()
                            .replace(file.getFileSystem().getSeparator(), ".");
                    name = name.substring(0, name.length() - ".class".length());
                    if (!name.endsWith("package-info") && !name.endsWith("module-info")) {
                        files.putIfAbsent(name, file);
                    }
                }
            }
        }
    }

    /** The binary names of the classes in the directories, sorted. */
    List<String> names() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && files.containsKey(name)) {
                c = findClass(name);
            }
            if (c == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Path file = files.get(name);
        if (file == null) {
            throw new ClassNotFoundException(name);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
