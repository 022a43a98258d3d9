package io.jsnooper.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The check every method-shape test makes: the fixture prints the same stdout with and without the
 * agent (the rewrite changed no behaviour and caused no VerifyError), and its trace is its golden.
 */
public final class Shapes {

    private Shapes() {
    }

    /** Runs {@code fixture}'s main on {@code jdk}; the golden file is named after the fixture. */
    public static ChildJvm.Result assertUnchangedAndTraced(Jdk jdk, Class<?> fixture)
            throws IOException, InterruptedException {
        return assertUnchangedAndTraced(fixture.getSimpleName(), () -> ChildJvm.on(jdk).main(fixture));
    }

    /** Only the behaviour: same stdout with and without the agent; for fixtures whose trace is still wrong. */
    public static ChildJvm.Result assertUnchanged(Jdk jdk, Class<?> fixture) throws IOException, InterruptedException {
        return assertUnchanged(() -> ChildJvm.on(jdk).main(fixture));
    }

    /** {@code child} must give a fresh, configured child JVM on each call: it runs twice. */
    public static ChildJvm.Result assertUnchangedAndTraced(String golden, Supplier<ChildJvm> child)
            throws IOException, InterruptedException {
        ChildJvm.Result traced = assertUnchanged(child);
        Golden.assertMatches(golden, traced.stderr);
        return traced;
    }

    /** {@code child} must give a fresh, configured child JVM on each call: it runs twice. */
    public static ChildJvm.Result assertUnchanged(Supplier<ChildJvm> child) throws IOException, InterruptedException {
        ChildJvm.Result plain = child.get().withoutAgent().run().assertSucceeded();
        assertFalse(plain.stdout.isEmpty(), "the fixture must print what its snooped methods computed");
        assertEquals("", plain.stderr, "without the agent the fixture prints nothing on stderr");
        ChildJvm.Result traced = child.get().run().assertSucceeded();
        assertEquals(plain.stdout, traced.stdout, "the program's own output is unchanged by the agent");
        assertFalse(traced.stderr.isBlank(), "the agent traced something");
        return traced;
    }
}
