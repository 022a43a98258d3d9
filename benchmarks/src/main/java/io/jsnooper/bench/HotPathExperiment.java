package io.jsnooper.bench;

import java.io.IOException;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Not part of {@code run.sh}'s default set: a factorial experiment on the hand-written ideal, to
 * price single ingredients of the agent's hot path on this machine — a volatile store per finished
 * line (how the agent publishes lines to the flusher), and a call to {@code System.nanoTime()} per
 * line event left out. Run with {@code benchmarks/run.sh HotPathExperiment}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathExperiment {

    private static final int N = TracedBenchmark.N;
    private static final int EVENTS = TracedBenchmark.EVENTS;
    private static final byte[] LINE_21 = IdealTraceWriter.ascii(" line        21 ");
    private static final byte[] LINE_22 = IdealTraceWriter.ascii(" line        22 ");
    private static final byte[] LINE_23 = IdealTraceWriter.ascii(" line        23 ");
    private static final byte[] SOURCE_21 = IdealTraceWriter.ascii("        for (int i = 0; i < n; i++) {");
    private static final byte[] SOURCE_22 = IdealTraceWriter.ascii("            int x = i * 3;");
    private static final byte[] SOURCE_23 = IdealTraceWriter.ascii("            total += x;");
    private static final byte[] MODIFIED_I = IdealTraceWriter.ascii("Modified var:.. i = ");
    private static final byte[] MODIFIED_X = IdealTraceWriter.ascii("Modified var:.. x = ");
    private static final byte[] MODIFIED_TOTAL = IdealTraceWriter.ascii("Modified var:.. total = ");

    private Path file;
    private IdealTraceWriter ideal;
    /** Stands for LineBuffer.published: written after every line. */
    private volatile int published;

    @Setup(Level.Trial)
    public void open() throws IOException {
        file = TraceFiles.prepare("experiment.log");
        ideal = new IdealTraceWriter(file);
    }

    @Setup(Level.Iteration)
    public void emptyFile() {
        ideal.flush();
        TraceFiles.truncate(file);
    }

    @TearDown(Level.Trial)
    public void close() {
        ideal.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long ideal() {
        IdealTraceWriter w = ideal;
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

    /** The ideal plus one volatile store per line, as LineBuffer.endLine() does. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long idealWithVolatilePublish() {
        IdealTraceWriter w = ideal;
        long total = 0;
        for (int i = 0; i < N; i++) {
            w.lineEvent(LINE_21, SOURCE_21);
            published = i;
            w.variable(MODIFIED_I, i);
            published = i;
            w.lineEvent(LINE_22, SOURCE_22);
            published = i;
            int x = i * 3;
            w.variable(MODIFIED_X, x);
            published = i;
            w.lineEvent(LINE_23, SOURCE_23);
            published = i;
            total += x;
            w.variable(MODIFIED_TOTAL, total);
            published = i;
        }
        return total;
    }

    /** The cost of the time stamp alone: three System.nanoTime() calls per iteration, nothing written. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long nanoTimeOnly() {
        long total = 0;
        for (int i = 0; i < N; i++) {
            total += System.nanoTime();
            total += System.nanoTime();
            total += System.nanoTime();
        }
        return total;
    }
}
