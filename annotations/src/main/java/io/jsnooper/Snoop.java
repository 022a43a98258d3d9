package io.jsnooper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces every line the annotated method runs, every local variable it creates or changes, and its
 * return value or exception, when the program runs with {@code -javaagent:jsnooper-agent.jar}.
 *
 * <pre>{@code
 * @Snoop                        // trace to stderr
 * @Snoop("/tmp/trace.log")      // trace appended to a file (folders are created)
 * }</pre>
 *
 * <p>On a type, every method and constructor the type declares is snooped; a {@code @Snoop} on one
 * of its methods overrides the type's settings for that method. Without the agent the annotation
 * does nothing: it is read by the agent from the class file, by name, and never loaded by it.
 *
 * <p>Retention is {@code RUNTIME} so that an agent attached later can find annotated classes that
 * are already loaded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface Snoop {

    /**
     * Where the trace goes: empty for stderr, otherwise a file path. Same as {@link #output()};
     * it exists so that {@code @Snoop("/tmp/trace.log")} reads like PySnooper's first argument.
     */
    String value() default "";

    /** Where the trace goes; an alias of {@link #value()}. When both are set, {@code output} wins. */
    String output() default "";
}
