package io.jsnooper.bench;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Targets 1 and 4 of the issue: the snooped {@link Workload#work} traced to a file by the agent,
 * in ns per trace event, on one thread and on four threads sharing one file. On four threads JMH
 * reports the time per event of each thread: the aggregate rate is {@code 4 / score}. Beside them,
 * in the same run, the two other modes the issue sets targets for: {@code onFailure} on calls that
 * return normally, and JSON Lines to a file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TracedBenchmark {

    /** Loop iterations per call: call/return lines are amortised over 6,000 events. */
    static final int N = 1000;
    static final int EVENTS = N * Workload.EVENTS_PER_ITERATION;

    @Setup(Level.Iteration)
    public void emptyTraceFile() {
        TraceFiles.truncate(TraceFiles.agentOutput());
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TraceFiles.TRACED)
    @OperationsPerInvocation(EVENTS)
    public long tracedToFile() {
        return Workload.work(N);
    }

    private final int[] weights = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};
    private final StringBuilder log = new StringBuilder("order 42 accepted");

    /** {@link Workload#withObjectsInScope}: the loop of {@link #tracedToFile} with two objects in scope. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TraceFiles.OBJECTS)
    @OperationsPerInvocation(EVENTS)
    public long tracedWithObjectsInScope() {
        return Workload.withObjectsInScope(N, weights, log);
    }

    /**
     * {@code onFailure=true}: each entry is recorded raw (time, line, bits) into the thread's
     * bounded record (first 1,000 and last 1,000 entries of a call), and the record is forgotten
     * when {@code work} returns. Nothing is formatted and nothing reaches the file.
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TraceFiles.ON_FAILURE)
    @OperationsPerInvocation(EVENTS)
    public long onFailureReturning() {
        return Workload.work(N);
    }

    /** {@code format=jsonl}: one JSON object per event, to a file, through the same buffers as the text. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TraceFiles.JSONL)
    @OperationsPerInvocation(EVENTS)
    public long jsonLinesToFile() {
        return Workload.work(N);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TraceFiles.THREADS4)
    @Threads(4)
    @OperationsPerInvocation(EVENTS)
    public long tracedToFile4Threads() {
        return Workload.work(N);
    }
}
