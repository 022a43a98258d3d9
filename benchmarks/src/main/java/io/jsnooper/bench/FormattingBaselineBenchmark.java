package io.jsnooper.bench;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Targets 3 and 4's yardsticks, without the agent: the workload's loop writing the same trace text
 * (3 line events + 3 variable lines per iteration) by hand-written ideal code, and by naive code.
 * Both in ns per event, directly comparable with {@link TracedBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FormattingBaselineBenchmark {

    static final int N = TracedBenchmark.N;
    static final int EVENTS = TracedBenchmark.EVENTS;

    // Pre-encoded for the ideal writer: everything static about each line is known in advance.
    private static final byte[] LINE_21 = IdealTraceWriter.ascii(" line        21 ");
    private static final byte[] LINE_22 = IdealTraceWriter.ascii(" line        22 ");
    private static final byte[] LINE_23 = IdealTraceWriter.ascii(" line        23 ");
    private static final byte[] SOURCE_21 = IdealTraceWriter.ascii("        for (int i = 0; i < n; i++) {");
    private static final byte[] SOURCE_22 = IdealTraceWriter.ascii("            int x = i * 3;");
    private static final byte[] SOURCE_23 = IdealTraceWriter.ascii("            total += x;");
    private static final byte[] MODIFIED_I = IdealTraceWriter.ascii("Modified var:.. i = ");
    private static final byte[] MODIFIED_X = IdealTraceWriter.ascii("Modified var:.. x = ");
    private static final byte[] MODIFIED_TOTAL = IdealTraceWriter.ascii("Modified var:.. total = ");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private Path idealFile;
    private Path naiveFile;
    private IdealTraceWriter ideal;
    private PrintStream naive;

    @Setup(Level.Trial)
    public void open() throws IOException {
        idealFile = TraceFiles.prepare("ideal.log");
        naiveFile = TraceFiles.prepare("naive.log");
        ideal = new IdealTraceWriter(idealFile);
        // Buffered (8 KiB) like a careful naive author; autoflush off. Unbuffered would pay one
        // write(2) per line, ~1.3 µs on this machine.
        naive = new PrintStream(new BufferedOutputStream(new FileOutputStream(naiveFile.toFile(), true)),
                false, StandardCharsets.UTF_8);
    }

    @Setup(Level.Iteration)
    public void emptyFiles() {
        ideal.flush();
        naive.flush();
        TraceFiles.truncate(idealFile);
        TraceFiles.truncate(naiveFile);
    }

    @TearDown(Level.Trial)
    public void close() {
        ideal.close();
        naive.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long idealHandWritten() {
        return writeIdeal(ideal);
    }

    private static long writeIdeal(IdealTraceWriter w) {
        long total = 0;
        for (int i = 0; i < N; i++) {
            w.lineEvent(LINE_21, SOURCE_21);
            w.variable(MODIFIED_I, i);
            w.lineEvent(LINE_22, SOURCE_22);
            int x = i * 3;
            w.variable(MODIFIED_X, x);
            w.lineEvent(LINE_23, SOURCE_23);
            total += x;
            w.variable(MODIFIED_TOTAL, total);
        }
        return total;
    }

    /**
     * One ideal writer per thread, all appending to one file: what four threads on this machine's
     * cores can do at best, the yardstick of {@code TracedBenchmark.tracedToFile4Threads}.
     */
    @State(Scope.Thread)
    public static class ThreadWriter {
        IdealTraceWriter writer;

        @Setup(Level.Trial)
        public void open() {
            writer = new IdealTraceWriter(TraceFiles.prepare("ideal4.log"));
        }

        @TearDown(Level.Trial)
        public void close() {
            writer.close();
        }
    }

    @Setup(Level.Iteration)
    public void emptySharedFile() {
        TraceFiles.truncate(TraceFiles.prepare("ideal4.log"));
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(EVENTS)
    public long idealHandWritten4Threads(ThreadWriter thread) {
        return writeIdeal(thread.writer);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long naiveFormatting() {
        PrintStream out = naive;
        long total = 0;
        for (int i = 0; i < N; i++) {
            out.println(LocalTime.now().format(CLOCK) + " line        21 " + "        for (int i = 0; i < n; i++) {");
            out.println("Modified var:.. i = " + i);
            out.println(LocalTime.now().format(CLOCK) + " line        22 " + "            int x = i * 3;");
            int x = i * 3;
            out.println("Modified var:.. x = " + x);
            out.println(LocalTime.now().format(CLOCK) + " line        23 " + "            total += x;");
            total += x;
            out.println("Modified var:.. total = " + total);
        }
        return total;
    }
}
