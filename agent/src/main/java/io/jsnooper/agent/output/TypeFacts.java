package io.jsnooper.agent.output;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link ValueRenderer} needs to know about a value's class to choose how to show it, worked
 * out once per class (and whether its toString() was given up on, learned as it runs): asked element by element, the separate lookups (whether it declares its own
 * toString(), whether it is the JDK's, a proxy, an array...) were a sixth of a whole-library trace.
 */
final class TypeFacts {

    private static final ClassLoader PLATFORM_LOADER = ClassLoader.getPlatformClassLoader();

    private static final ClassValue<TypeFacts> FACTS = new ClassValue<>() {
        @Override
        protected TypeFacts computeValue(Class<?> type) {
            return new TypeFacts(type);
        }
    };

    final Class<?> type;
    /** As a reader wants it: a lambda's {@code Foo$$Lambda$27/0x0800c10} is {@code Foo$$Lambda}. */
    final String name;
    /** A JDK number or a Boolean: its toString() is its value. */
    final boolean plainValue;
    final boolean proxy;
    final boolean array;
    /** Named {@code java.*} or {@code jdk.*}. */
    final boolean jdk;
    /** Loaded by the boot or platform loader, or {@link #jdk}: not the program's code. */
    final boolean platform;
    final boolean jdkCollection;
    final boolean jdkMap;
    final boolean isEnum;
    final boolean charSequence;
    /** Declares or inherits a toString() other than Object's. */
    final boolean ownToString;
    /** An Iterable that is not a Collection has no size: it may be a generator without end. */
    final boolean iterableOnly;
    final boolean hidden;
    /** Learned while running, not fixed: how often its toString() was too costly, and whether it is no longer called. */
    private final AtomicInteger slowToStrings = new AtomicInteger();
    private volatile boolean toStringGivenUp;

    private TypeFacts(Class<?> type) {
        this.type = type;
        this.name = readableName(type);
        String binaryName = type.getName();
        this.jdk = binaryName.startsWith("java.") || binaryName.startsWith("jdk.");
        ClassLoader loader = type.getClassLoader();
        this.platform = loader == null || loader == PLATFORM_LOADER || jdk;
        this.plainValue = Number.class.isAssignableFrom(type) && loader == null || type == Boolean.class;
        this.proxy = Proxy.isProxyClass(type);
        this.array = type.isArray();
        this.jdkCollection = Collection.class.isAssignableFrom(type) && jdk;
        this.jdkMap = Map.class.isAssignableFrom(type) && jdk;
        this.isEnum = Enum.class.isAssignableFrom(type);
        this.charSequence = CharSequence.class.isAssignableFrom(type);
        this.ownToString = declaresToString(type);
        this.iterableOnly = Iterable.class.isAssignableFrom(type) && !Collection.class.isAssignableFrom(type);
        this.hidden = type.isHidden();
    }

    static TypeFacts of(Class<?> type) {
        return FACTS.get(type);
    }

    /** One more toString() too costly to repeat; the {@code times}-th gives it up. */
    void noteSlowToString(int times) {
        if (slowToStrings.incrementAndGet() >= times) {
            toStringGivenUp = true;
        }
    }

    /** Its toString() is not called again (it ran out of heap or stack once). */
    void giveUpToString() {
        toStringGivenUp = true;
    }

    boolean isToStringGivenUp() {
        return toStringGivenUp;
    }

    /** Showing it as usual would run its own code: its toString(), or a CharSequence's reads. */
    boolean runsProgramCode() {
        return charSequence || ownToString;
    }

    private static boolean declaresToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (Throwable t) {
            return false;
        }
    }

    private static String readableName(Class<?> type) {
        String name = type.getName();
        if (type.isHidden() || name.contains("$$Lambda")) {
            int slash = name.indexOf('/');
            if (slash > 0) {
                name = name.substring(0, slash);
            }
            name = name.replaceAll("\\$\\$Lambda\\$\\d+", "\\$\\$Lambda");
        }
        return name;
    }
}
