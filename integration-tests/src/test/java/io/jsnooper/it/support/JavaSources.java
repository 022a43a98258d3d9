package io.jsnooper.it.support;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes Java sources to a folder and compiles them with {@code -g} at test time, for classes that
 * must not be on the child JVM's class path (a plugin for its own class loader, a named module).
 * The sources stay on disk so the agent can show their lines ({@code sourcepath=} option).
 */
public final class JavaSources {

    private JavaSources() {
    }

    /**
     * @param sources relative path (e.g. {@code plugin/Greeter.java}) to source text
     * @param options extra javac options, e.g. {@code -cp} or {@code --module-path} and its value
     */
    public static void compile(Path sourceRoot, Map<String, String> sources, Path classes, String... options)
            throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-g", "-d", classes.toString()));
        arguments.addAll(List.of(options));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(messages, fileManager, null, arguments, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new AssertionError("javac " + arguments + " failed:\n" + messages);
            }
        }
    }
}
