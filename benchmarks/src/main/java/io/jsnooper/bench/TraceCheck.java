package io.jsnooper.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

/**
 * "Lines never torn": every line of a trace file left by the benchmarks must be one whole line of
 * the format — an event line whose source text holds no piece of another line, or a labelled line
 * whose value is a plain number. Two lines spliced together, or a line cut short, fail. Exit
 * status 1 on the first bad line.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.jsnooper.bench.TraceCheck FILE...}
 */
public final class TraceCheck {

    private static final Pattern EVENT = Pattern.compile(
            " *\\d\\d:\\d\\d:\\d\\d\\.\\d{6} (call|line|return|exception) +\\d+ (.*)");
    private static final Pattern VARIABLE = Pattern.compile(
            " *(Starting var:\\.\\. |New var:\\.{7} |Modified var:\\.\\. |Return value:\\.\\. )[A-Za-z_$][\\w$]* ?= ?-?\\d+|"
                    + " *Return value:\\.\\. -?\\d+|"
                    + " *Elapsed time: \\d\\d:\\d\\d:\\d\\d\\.\\d{6}|"
                    + " *Source path:\\.\\.\\. \\S.*");
    /** What must never appear inside the source text of an event line. */
    private static final Pattern FOREIGN = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}|var:\\.\\.|Elapsed|Return value");

    private TraceCheck() {
    }

    public static void main(String[] args) throws IOException {
        int status = 0;
        for (String arg : args) {
            status |= check(Paths.get(arg));
        }
        System.exit(status);
    }

    private static int check(Path file) throws IOException {
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                lines++;
                var event = EVENT.matcher(line);
                boolean whole = event.matches() ? !FOREIGN.matcher(event.group(2)).find() : VARIABLE.matcher(line).matches();
                if (!whole) {
                    System.out.printf("%s:%d: torn or unknown line: %s%n", file, lines, line);
                    return 1;
                }
            }
        }
        if (lines == 0) {
            System.out.printf("%s: empty, nothing checked%n", file);
            return 1;
        }
        System.out.printf("%s: %,d lines, all whole%n", file, lines);
        return 0;
    }
}
