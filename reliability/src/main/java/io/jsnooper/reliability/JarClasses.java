package io.jsnooper.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The class files of a jar, by internal name, as the JVM would see them on the class path. */
final class JarClasses {

    private JarClasses() {
    }

    /**
     * Leaves out {@code module-info} (not a loadable class) and {@code META-INF/versions/} (a
     * multi-release jar's alternatives: the base entries are what Java 17 loads in most jars).
     */
    static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")
                        || name.endsWith("module-info.class")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    classes.put(name.substring(0, name.length() - ".class".length()), in.readAllBytes());
                }
            }
        }
        return classes;
    }
}
