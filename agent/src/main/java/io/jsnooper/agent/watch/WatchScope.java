package io.jsnooper.agent.watch;

/** What a watch expression's root can name: the call's locals, {@code this}, and classes. */
public interface WatchScope {

    /** Returned by {@link #local} for a local that has no value yet. */
    Object ABSENT = new Object();
    /** Returned by {@link #local} for a name that is not a local of the method at all. */
    Object UNKNOWN = new Object();

    /** The current value of a local or parameter, boxed; {@link #ABSENT} or {@link #UNKNOWN}. */
    Object local(String name);

    /** {@code this}, or null in a static method. */
    Object self();

    /** The loader of the snooped class, for static roots like {@code Config.LIMIT}; may be null. */
    ClassLoader loader();

    /** The snooped class's binary name, for names relative to its package or nested in it. */
    String className();
}
