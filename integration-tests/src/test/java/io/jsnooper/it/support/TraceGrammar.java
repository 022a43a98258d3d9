package io.jsnooper.it.support;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What a whole trace line looks like, to find torn or interleaved lines in a trace file. */
public final class TraceGrammar {

    /** {@code HH:MM:SS.ffffff EVENT LINE SOURCE}, indented four spaces per nesting level. */
    public static final Pattern EVENT =
            Pattern.compile("^\\s*\\d\\d:\\d\\d:\\d\\d\\.\\d{6} (call|line|return|exception) +\\d+ .*$");
    /** The labelled lines: variables, return value, exception, the end of a call, its elapsed time. */
    public static final Pattern LABELLED = Pattern.compile("^\\s*(Source path:\\.\\.\\. .+"
            + "|Starting var:\\.\\. \\S+ = .*|New var:\\.{7} \\S+ = .*|Modified var:\\.\\. \\S+ = .*"
            + "|Return value:\\.\\. .*|Exception:\\.{5} .+|Call ended by exception"
            + "|Elapsed time: \\d\\d:\\d\\d:\\d\\d\\.\\d{6})$");

    private TraceGrammar() {
    }

    public static boolean isWholeLine(String line) {
        return EVENT.matcher(line).matches() || LABELLED.matcher(line).matches();
    }

    /** The lines of {@code trace} that are not whole trace lines, numbered, for a failure message. */
    public static String malformedLines(String trace) {
        List<String> lines = trace.lines().collect(Collectors.toList());
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (!isWholeLine(lines.get(i))) {
                bad.append(i + 1).append(": ").append(lines.get(i)).append('\n');
            }
        }
        return bad.toString();
    }

    /** How many event lines of the given kind ({@code call}, {@code return}, ...) the trace has. */
    public static long countEvents(String trace, String event) {
        Pattern kind = Pattern.compile("^\\s*\\d\\d:\\d\\d:\\d\\d\\.\\d{6} " + event + " +\\d+ .*$");
        return trace.lines().filter(line -> kind.matcher(line).matches()).count();
    }

    /** How many lines start, after indentation, with {@code prefix}. */
    public static long countLabelled(String trace, String prefix) {
        return trace.lines().filter(line -> line.stripLeading().startsWith(prefix)).count();
    }

    /** The lines the agent said about itself ({@code jsnooper: ...}). */
    public static List<String> agentMessages(String stderr) {
        return stderr.lines().filter(line -> line.startsWith("jsnooper:")).collect(Collectors.toList());
    }
}
