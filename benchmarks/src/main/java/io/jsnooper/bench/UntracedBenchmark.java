package io.jsnooper.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target 2: code that is not snooped runs at the same speed with the agent loaded. Same loop, ns
 * per call of {@code work(n)}; each method runs in its own fork, with or without the agent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UntracedBenchmark {

    /** A field, so that the JIT cannot fold the loop into a constant. */
    @Param("1000")
    public int n;

    @Benchmark
    @Fork(value = 1)
    public long plainWithoutAgent() {
        return PlainWorkload.work(n);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TraceFiles.UNTRACED)
    public long plainWithAgent() {
        return PlainWorkload.work(n);
    }

    /** A method without @Snoop in a class the agent rewrote for its snooped neighbour. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = TraceFiles.UNTRACED)
    public long unsnoopedInSnoopedClassWithAgent() {
        return Workload.unsnooped(n);
    }
}
