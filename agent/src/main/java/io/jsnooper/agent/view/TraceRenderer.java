package io.jsnooper.agent.view;

import static io.jsnooper.agent.output.Palette.BRIGHT;
import static io.jsnooper.agent.output.Palette.CYAN;
import static io.jsnooper.agent.output.Palette.DIM;
import static io.jsnooper.agent.output.Palette.FOREGROUND_RESET;
import static io.jsnooper.agent.output.Palette.GREEN;
import static io.jsnooper.agent.output.Palette.NORMAL;
import static io.jsnooper.agent.output.Palette.RED;
import static io.jsnooper.agent.output.Palette.RESET;
import static io.jsnooper.agent.output.Palette.YELLOW;

import io.jsnooper.agent.output.TextFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints calls in PySnooper's text format, character for character as {@link TextFormat} writes
 * it, with its colours when asked. A text trace's lines keep their own prefix and indentation; a
 * JSON Lines trace is indented by depth, and its trimmed source lines get their indentation back
 * from the source file when the trace names one that still has the same line.
 */
final class TraceRenderer {

    private static final int EVENT_WIDTH = 9;
    private static final int LINE_NUMBER_WIDTH = 4;


    private final boolean color;
    /** Width of the thread column (the widest {@code id-name} plus one), 0 for none. */
    private final int threadWidth;
    private final Map<String, List<String>> sources = new HashMap<>();
    private String lastSourcePath;

    TraceRenderer(boolean color, int threadWidth) {
        this.color = color;
        this.threadWidth = threadWidth;
    }

    /** {@code HH:MM:SS.ffffff} for a count of microseconds, as the agent writes durations. */
    static String clock(long micros) {
        long s = micros / 1_000_000;
        return String.format("%02d:%02d:%02d.%06d", s / 3600, s / 60 % 60, s % 60, micros % 1_000_000);
    }

    /** The call, the calls it made, and a "Source path" line wherever the file changes. */
    void render(TracedCall call, StringBuilder out) {
        String callLead = call.lead != null ? call.lead : "    ".repeat(call.depth);
        if (call.file != null && !call.file.equals(lastSourcePath)) {
            labelled(out, callLead, YELLOW, TextFormat.SOURCE_PATH, call.file);
            lastSourcePath = call.file;
        }
        for (Object part : call.parts) {
            if (part instanceof TracedCall) {
                render((TracedCall) part, out);
            } else {
                TraceEntry entry = (TraceEntry) part;
                line(call, entry.lead != null ? entry.lead : callLead, entry, out);
            }
        }
    }

    private void line(TracedCall call, String lead, TraceEntry entry, StringBuilder out) {
        switch (entry.kind) {
            case EVENT:
                event(call, lead, entry, out);
                return;
            case STARTING_VAR:
            case NEW_VAR:
            case MODIFIED_VAR:
                labelled(out, lead, GREEN, entry.kind.label(), entry.text + " = " + entry.value);
                return;
            case RETURN_VALUE:
                labelled(out, lead, CYAN, entry.kind.label(), entry.value);
                return;
            case EXCEPTION:
            case ENDED_BY_EXCEPTION:
                labelled(out, lead, RED, entry.kind.label(), entry.value);
                return;
            case ELAPSED:
                out.append(lead);
                if (color) {
                    out.append(DIM).append(TextFormat.ELAPSED).append(NORMAL).append(BRIGHT).append(entry.time).append(RESET);
                } else {
                    out.append(TextFormat.ELAPSED).append(entry.time);
                }
                out.append('\n');
                return;
            default: // OMITTED
                out.append(entry.value).append('\n');
        }
    }

    /** {@code HH:MM:SS.ffffff [thread] EVENT     LINE SOURCE}. */
    private void event(TracedCall call, String lead, TraceEntry entry, StringBuilder out) {
        out.append(lead);
        if (color) {
            out.append(DIM);
        }
        out.append(entry.time).append(' ');
        if (threadWidth > 0) {
            String thread = call.thread == null ? "?" : call.thread;
            out.append(thread).append(" ".repeat(Math.max(1, threadWidth - thread.length())));
        }
        out.append(entry.event).append(" ".repeat(Math.max(0, EVENT_WIDTH - entry.event.length()))).append(' ');
        String number = Integer.toString(entry.line);
        out.append(" ".repeat(Math.max(0, LINE_NUMBER_WIDTH - number.length()))).append(number);
        if (color) {
            out.append(NORMAL);
        }
        out.append(' ').append(entry.lead == null ? indented(call.file, entry.line, entry.text) : entry.text);
        if (color) {
            out.append(RESET);
        }
        out.append('\n');
    }

    private void labelled(StringBuilder out, String lead, String colour, String label, String text) {
        out.append(lead);
        if (color) {
            out.append(colour).append(DIM).append(label).append(FOREGROUND_RESET).append(NORMAL).append(text).append(RESET);
        } else {
            out.append(label).append(text);
        }
        out.append('\n');
    }

    /**
     * A source line without its indentation (JSON Lines of older agents trimmed them): the source
     * file, when it has the same line, gives the indentation back. Untrimmed lines pass unchanged.
     */
    private String indented(String file, int number, String trimmed) {
        if (file == null || trimmed.isEmpty()) {
            return trimmed;
        }
        List<String> lines = sources.computeIfAbsent(file, TraceRenderer::readSource);
        if (lines == null || number < 1 || number > lines.size()) {
            return trimmed;
        }
        String line = lines.get(number - 1);
        return line.trim().equals(trimmed) ? stripTrailing(line) : trimmed;
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }

    private static List<String> readSource(String file) {
        try {
            Path path = Paths.get(file);
            return path.isAbsolute() && Files.isRegularFile(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
