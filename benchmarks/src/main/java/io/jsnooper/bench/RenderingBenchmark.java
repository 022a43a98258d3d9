package io.jsnooper.bench;

import io.jsnooper.agent.output.ValueRenderer;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One rendering of values too long to show whole, as a whole-library trace re-renders them at
 * nearly every line (a profile of commons-collections4's multimap tests: two thirds of the time in
 * rendering, a third of it in collections' two ends). Direct, without the agent: the renderer's
 * classes come from the agent jar on the class path
 * ({@code java -cp benchmarks/target/benchmarks.jar:agent/target/jsnooper-agent.jar org.openjdk.jmh.Main Rendering}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderingBenchmark {

    /** An object shown by its fields, a long string and a long list among them. */
    static final class Holder {
        String name = "a name long enough to fill part of the budget on its own";
        List<Integer> values = new LinkedList<>();
        int count = 230;
    }

    private final ValueRenderer renderer = new ValueRenderer(ValueRenderer.DEFAULT_MAX_LENGTH);
    private LinkedList<Integer> linkedList;
    private ArrayList<Integer> arrayList;
    private char[] chars;
    private String text;
    private Holder holder;
    /** What the tracer last showed, and the thread's builder it checks a value against them in. */
    private String linkedListShown;
    private String holderShown;
    private final StringBuilder scratch = new StringBuilder(256);

    @Setup
    public void setUp() {
        linkedList = new LinkedList<>();
        arrayList = new ArrayList<>();
        holder = new Holder();
        for (int i = 0; i < 230; i++) {
            linkedList.add(i * 1_000);
            arrayList.add(i * 1_000);
            holder.values.add(i * 1_000);
        }
        chars = new char[8_192];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + i % 26);
        }
        text = new String(chars, 0, 1_000);
        linkedListShown = renderer.render(linkedList);
        holderShown = renderer.render(holder);
    }

    @Benchmark
    public String linkedList() {
        return renderer.render(linkedList);
    }

    @Benchmark
    public String arrayList() {
        return renderer.render(arrayList);
    }

    @Benchmark
    public String charBuffer() {
        return renderer.render(chars);
    }

    @Benchmark
    public String longString() {
        return renderer.render(text);
    }

    @Benchmark
    public String objectByFields() {
        return renderer.render(holder);
    }

    /**
     * The check the tracer makes after a line that called something, mostly finding the value as
     * shown: the same rendering as {@link #linkedList}, in a reused builder, compared in place.
     */
    @Benchmark
    public boolean linkedListUnchanged() {
        return renderer.renderChanged(linkedList, ValueRenderer.NOTHING_IN_PROGRESS, linkedListShown, scratch) == null;
    }

    /** {@link #objectByFields}'s value checked as {@link #linkedListUnchanged} checks its own. */
    @Benchmark
    public boolean objectByFieldsUnchanged() {
        return renderer.renderChanged(holder, ValueRenderer.NOTHING_IN_PROGRESS, holderShown, scratch) == null;
    }
}
