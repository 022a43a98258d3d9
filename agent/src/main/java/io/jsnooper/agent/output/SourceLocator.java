package io.jsnooper.agent.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@code .java} file of a class: {@code src/main/java} and {@code src/test/java} under the
 * working directory and under each of its direct sub-folders (the modules of a multi-module build),
 * then the {@code sourcepath=} roots. Each file is read once.
 */
public final class SourceLocator {

    /** The roots searched, in order; null until the first lookup (start-up reads no folder). */
    private static volatile List<Path> roots;
    private static final List<Path> EXTRA = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final Map<String, SourceLines> CACHE = new ConcurrentHashMap<>();

    private SourceLocator() {
    }

    public static void addRoots(List<Path> extra) {
        for (Path root : extra) {
            Path absolute = root.toAbsolutePath().normalize();
            if (!EXTRA.contains(absolute)) {
                EXTRA.add(absolute);
            }
        }
        roots = null;
        CACHE.clear(); // a file not found before may be under a new root
    }

    private static List<Path> roots() {
        List<Path> current = roots;
        if (current == null) {
            current = defaultRoots(Paths.get(""));
            current.addAll(EXTRA);
            roots = current;
        }
        return current;
    }

    /**
     * @param internalClassName {@code com/acme/Order$Line}
     * @param sourceFile the class file's SourceFile attribute, e.g. {@code Order.java}; may be null
     */
    public static SourceLines find(String internalClassName, String sourceFile) {
        int slash = internalClassName.lastIndexOf('/');
        String folder = slash < 0 ? "" : internalClassName.substring(0, slash + 1);
        String name = sourceFile != null ? sourceFile : outerName(internalClassName.substring(slash + 1)) + ".java";
        String relative = folder + name;
        return CACHE.computeIfAbsent(relative, SourceLocator::load);
    }

    private static SourceLines load(String relative) {
        for (Path root : roots()) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    return SourceLines.of(file.toAbsolutePath().normalize().toString(), lines);
                } catch (IOException | RuntimeException e) {
                    Diagnostics.warnOnce("source:" + file, "cannot read " + file + ": " + e.getMessage());
                }
            }
        }
        return SourceLines.unavailable(relative.substring(relative.lastIndexOf('/') + 1));
    }

    private static String outerName(String simpleName) {
        int dollar = simpleName.indexOf('$');
        return dollar > 0 ? simpleName.substring(0, dollar) : simpleName;
    }

    static List<Path> defaultRoots(Path workingDirectory) {
        Path base = workingDirectory.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        addStandardRoots(base, found);
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(base, Files::isDirectory)) {
            List<Path> sorted = new ArrayList<>();
            modules.forEach(sorted::add);
            sorted.sort(null);
            for (Path module : sorted) {
                addStandardRoots(module, found);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable working directory: only the explicit roots remain
        }
        return found;
    }

    private static void addStandardRoots(Path base, List<Path> found) {
        for (String root : new String[] {"src/main/java", "src/test/java"}) {
            Path path = base.resolve(root);
            if (Files.isDirectory(path)) {
                found.add(path);
            }
        }
    }
}
