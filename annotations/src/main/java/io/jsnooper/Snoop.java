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
 * @Snoop                                   // trace to stderr
 * @Snoop("/tmp/trace.log")                 // trace appended to a file (folders are created)
 * @Snoop(watch = {"this.total", "items.size()"}, prefix = "ORDER ")
 * }</pre>
 *
 * <p>On a type, every method and constructor the type declares is snooped; a {@code @Snoop} on one
 * of its methods overrides the type's elements it sets explicitly. Agent options
 * ({@code -javaagent:jsnooper-agent.jar=threadInfo=true,...}) set defaults for every element;
 * an element written in the annotation wins over them. Without the agent the annotation does
 * nothing: the agent reads it from the class file, by name, and never loads it.
 *
 * <p>Retention is {@code RUNTIME} so that an agent attached later can find annotated classes that
 * are already loaded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface Snoop {

    /**
     * Where the trace goes: empty for stderr, otherwise a file path, or {@code "slf4j"} (a logger
     * named after the snooped class) or {@code "slf4j:logger.name"} to log each line through the
     * application's own SLF4J. Same as {@link #output()}; it exists so that
     * {@code @Snoop("/tmp/trace.log")} reads like PySnooper's first argument.
     */
    String value() default "";

    /** Where the trace goes; an alias of {@link #value()}. When both are set, {@code output} wins. */
    String output() default "";

    /**
     * Expressions shown like local variables: field paths ({@code this.total},
     * {@code order.customer.name}, {@code Config.LIMIT}), indexes ({@code items[0]},
     * {@code list.get(2)}), map lookups ({@code map.get("k")}) and no-argument calls
     * ({@code items.size()}).
     */
    String[] watch() default {};

    /** Variables or expressions shown part by part: fields, elements, map entries, record components. */
    String[] watchExplode() default {};

    /** Also trace the methods this one calls, down to this many levels (1: only this method). */
    int depth() default 1;

    /** Put before every line of this method's trace, so that it can be grepped. */
    String prefix() default "";

    /** Add a column with the thread's id and name. */
    boolean threadInfo() default false;

    /** Timestamps relative to the start of the outermost snooped call instead of the wall clock. */
    boolean relativeTime() default false;

    /** Values longer than this are cut in the middle; 0 or negative for no limit. */
    int maxVariableLength() default 100;

    /** No timestamps, identity hashes or absolute paths: two runs give identical traces. */
    boolean normalize() default false;

    /** ANSI colours: {@code AUTO} when writing to a terminal and {@code NO_COLOR} is unset. */
    Color color() default Color.AUTO;

    /** Truncate the output file at this run's first write instead of appending. */
    boolean overwrite() default false;

    /** Renderers tried before {@code toString()}, each a class with a public no-argument constructor. */
    Class<? extends Repr<?>>[] customRepr() default {};

    /** {@code TEXT}: PySnooper's format. {@code JSONL}: one JSON object per line, for log engines. */
    Format format() default Format.TEXT;

    /**
     * Keep each call's trace in memory and write it only if the call ends by an exception: leave it
     * on a hot method and read only the calls that failed. Memory per call is bounded: a huge
     * call keeps its first and last lines.
     */
    boolean onFailure() default false;

    /** Rotate the output file past this many bytes ({@code trace.log} → {@code trace.log.1} ...); 0 never. */
    long maxFileSize() default 0;

    /** How many rotated files to keep. */
    int maxFiles() default 5;

    /** The level trace lines are logged at when the output is {@code "slf4j"}: trace, debug, info, warn or error. */
    String level() default "debug";

    /**
     * Variables, fields and watch expressions whose names match this case-insensitive regular
     * expression show as {@code "***"}; {@code "none"} shows everything.
     */
    String redact() default "password|passwd|secret|token|apikey|api_key|credential|private_?key";

    /** How trace lines are written. */
    enum Format {
        /** PySnooper's text. */
        TEXT,
        /** One JSON object per line. */
        JSONL
    }

    /** When the trace uses ANSI colours. */
    enum Color {
        /** On a terminal with {@code NO_COLOR} unset; never in files. */
        AUTO,
        /** Always, even in files. */
        ALWAYS,
        /** Never. */
        NEVER
    }
}
