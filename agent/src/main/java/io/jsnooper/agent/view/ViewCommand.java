package io.jsnooper.agent.view;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code view TRACE... [--thread NAME] [--method PATTERN] [--failed] [--since TIME] [--grep TEXT]
 * [--color auto|always|never]}: prints the matching calls of a text or JSON Lines trace whole, in
 * PySnooper's text format. Several files are read as one trace in the order given, oldest first
 * ({@code trace.log.2 trace.log.1 trace.log} after rotation).
 *
 * <p>Exit status: 0 when the calls were printed (even none); 1 when a file is missing, empty, not
 * a trace, or truncated (cut in the middle of a line, or calls without an end: the program was
 * killed or is still running) — whole calls are still printed and stderr says what is wrong;
 * 2 for a mistake on the command line.
 */
public final class ViewCommand {

    public static final String USAGE = "  view TRACE... [--thread NAME] [--method PATTERN] [--failed] [--since TIME] [--grep TEXT]\n"
            + "                [--color auto|always|never]\n"
            + "                                     print the matching calls of a trace file whole";

    private ViewCommand() {
    }

    /** Runs the command; {@code out} gets the trace, {@code err} what is wrong. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        CallFilter filter = new CallFilter();
        String color = "auto";
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--failed":
                        filter.failed();
                        break;
                    case "--thread":
                        filter.thread(value(args, ++i, arg));
                        break;
                    case "--method":
                        filter.method(value(args, ++i, arg));
                        break;
                    case "--since":
                        filter.since(value(args, ++i, arg));
                        break;
                    case "--grep":
                        filter.grep(value(args, ++i, arg));
                        break;
                    case "--color":
                        color = value(args, ++i, arg);
                        if (!Arrays.asList("auto", "always", "never").contains(color)) {
                            throw new IllegalArgumentException("--color " + color + ": write auto, always or never");
                        }
                        break;
                    default:
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        files.add(Paths.get(arg));
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("view needs a trace file");
            }
        } catch (IllegalArgumentException e) {
            err.println("jsnooper: " + e.getMessage() + "\nusage: java -jar jsnooper-agent.jar\n" + USAGE);
            return 2;
        }

        List<String> lines = new ArrayList<>();
        boolean ok = true;
        for (Path file : files) {
            ok &= read(file, lines, err);
        }
        if (lines.isEmpty()) {
            if (ok) {
                err.println("jsnooper: " + files + " holds no trace lines, only blank ones");
            }
            return 1;
        }
        boolean jsonLines = JsonLinesTraceParser.looksLikeJsonLines(lines.get(0));
        ParsedTrace trace = jsonLines
                ? JsonLinesTraceParser.parse(lines) : TextTraceParser.parse(lines);
        String name = files.size() == 1 ? files.get(0).toString() : files.size() + " files";
        if (trace.traceLines == 0) {
            err.println("jsnooper: " + name + " is not a JSnooper trace: no line of it is a trace line"
                    + " (the first is: " + cut(trace.firstForeignLine) + ")");
            return 1;
        }
        if (trace.foreignLines > 0) {
            err.println("jsnooper: " + name + ": skipped " + trace.foreignLines + " line(s) that are not trace lines,"
                    + " the first: " + cut(trace.firstForeignLine));
        }

        int threadWidth = 0;
        if (trace.threadsShown && distinctThreads(trace) > (jsonLines ? 1 : 0)) {
            for (TracedCall call : trace.calls) {
                threadWidth = Math.max(threadWidth, call.thread == null ? 2 : call.thread.length() + 1);
            }
        }
        boolean colour = color.equals("always") || (color.equals("auto") && out == System.out && isColorTerminal());
        TraceRenderer renderer = new TraceRenderer(colour, threadWidth);
        StringBuilder text = new StringBuilder();
        int unended = 0;
        for (TracedCall call : trace.calls) {
            if (call.hasUnendedCall()) {
                unended++;
            }
            if (filter.test(call)) {
                renderer.render(call, text);
            }
        }
        byte[] printed = text.toString().getBytes(StandardCharsets.UTF_8);
        out.write(printed, 0, printed.length);
        out.flush();
        if (unended > 0) {
            err.println("jsnooper: " + name + " is truncated: " + unended + " call(s) have no end in it"
                    + " (the program was killed, or is still running)");
            ok = false;
        }
        return ok ? 0 : 1;
    }

    /** Appends the file's whole lines; says what is wrong with it and returns false if anything is. */
    private static boolean read(Path file, List<String> lines, PrintStream err) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                err.println("jsnooper: " + file + " is a folder, not a trace file");
                return false;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("jsnooper: " + file + ": no such file");
            return false;
        } catch (AccessDeniedException e) {
            err.println("jsnooper: " + file + ": permission denied (trace files are readable by their owner only)");
            return false;
        } catch (IOException e) {
            err.println("jsnooper: cannot read " + file + ": " + e.getMessage());
            return false;
        }
        if (bytes.length == 0) {
            err.println("jsnooper: " + file + " is empty: no trace was written to it (yet)");
            return false;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            err.println("jsnooper: " + file + " is not a JSnooper trace: it is not UTF-8 text");
            return false;
        }
        if (text.indexOf('\0') >= 0) {
            err.println("jsnooper: " + file + " is not a JSnooper trace: it holds binary data");
            return false;
        }
        boolean ok = true;
        int end = text.lastIndexOf('\n') + 1;
        if (end < text.length()) {
            err.println("jsnooper: " + file + " is truncated: its last line has no end (" + cut(text.substring(end))
                    + "); it was cut while being written. Showing the whole lines before it");
            ok = false;
        }
        for (String line : text.substring(0, end).split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
        }
        if (end == 0) {
            return false;
        }
        return ok;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long distinctThreads(ParsedTrace trace) {
        return trace.calls.stream().map(call -> String.valueOf(call.thread)).distinct().count();
    }

    private static String cut(String line) {
        if (line == null) {
            return "";
        }
        return line.length() > 80 ? "'" + line.substring(0, 77) + "...'" : "'" + line + "'";
    }

    /** As the agent decides for stderr: a terminal, {@code NO_COLOR} unset, {@code TERM} not dumb. */
    private static boolean isColorTerminal() {
        return io.jsnooper.agent.output.Terminal.isColorTerminal();
    }
}
