package io.jsnooper.reliability;

import java.util.Map;

/**
 * Defines the classes of one jar from the bytes it is given (rewritten or original), itself, before
 * asking its parent: a copy of the same class further up (the test class path has the original
 * library) must never be picked instead. Everything else comes from the parent.
 */
final class BytesClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Binary names ({@code a.b.C$D}) to class file bytes. */
    private final Map<String, byte[]> classes;

    BytesClassLoader(String name, Map<String, byte[]> classes, ClassLoader parent) {
        super(name, parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
