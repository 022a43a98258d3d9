package io.jsnooper.agent.view;

import java.util.ArrayList;
import java.util.List;

/** What a parser made of a trace file: its outermost calls in file order, and what was wrong. */
final class ParsedTrace {

    final List<TracedCall> calls = new ArrayList<>();
    /** Text traces show a thread column only with {@code threadInfo}; JSON Lines always name it. */
    boolean threadsShown;
    /** Lines read as trace lines. */
    int traceLines;
    /** Lines that are not trace lines (a program's own output in a captured stderr, say). */
    int foreignLines;
    String firstForeignLine;
    /** The file's last line has no end: it was cut while being written. */
    String tornLastLine;
}
