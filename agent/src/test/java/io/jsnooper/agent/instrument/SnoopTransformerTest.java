package io.jsnooper.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.Snoop;
import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.match.SnoopMatcher;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transformer asks for the runtime only when it has a rewritten class to hand back. */
class SnoopTransformerTest {

    static class FirstSnooped {
        @Snoop
        static int twice(int x) {
            return 2 * x;
        }
    }

    static class SecondSnooped {
        @Snoop
        static int thrice(int x) {
            return 3 * x;
        }
    }

    static class NothingSnooped {
        static int once(int x) {
            return x;
        }
    }

    /** A runtime that answers as told and counts how often it was asked. */
    static final class CountingRuntime implements RuntimeLink {
        final boolean answer;
        int asked;

        CountingRuntime(boolean answer) {
            this.answer = answer;
        }

        @Override
        public boolean ready() {
            asked++;
            return answer;
        }
    }

    private static SnoopTransformer transformer(RuntimeLink runtime) {
        // the instrumentation is only used for named modules; these classes are in none
        return new SnoopTransformer(null, new SnoopMatcher(AgentOptions.defaults()), runtime, null);
    }

    /**
     * Offers {@code type}'s bytes as the JVM would when loading it, under a name outside the agent's
     * own packages, which the transformer leaves alone by name before it looks at the bytes.
     */
    private static byte[] load(SnoopTransformer transformer, Class<?> type) {
        return transformer.transform(null, SnoopTransformerTest.class.getClassLoader(), nameOutsideAgent(type),
                null, null, Rewriting.bytesOf(type));
    }

    private static String nameOutsideAgent(Class<?> type) {
        return "fixture/" + type.getSimpleName();
    }

    @Test
    void classesWithNothingSnoopedNeverAskForTheRuntime() {
        CountingRuntime runtime = new CountingRuntime(true);
        SnoopTransformer transformer = transformer(runtime);

        assertNull(load(transformer, NothingSnooped.class));
        assertNull(load(transformer, SnoopTransformerTest.class));

        assertEquals(0, runtime.asked);
    }

    @Test
    void theFirstSnoopedClassAsksForTheRuntimeBeforeItIsHandedBack() {
        CountingRuntime runtime = new CountingRuntime(true);
        SnoopTransformer transformer = transformer(runtime);

        assertNotNull(load(transformer, FirstSnooped.class));

        assertEquals(1, runtime.asked);
        assertEquals(Set.of("fixture.FirstSnooped"), transformer.rewrittenClasses());
    }

    @Test
    void withoutARuntimeTheSnoopedClassKeepsItsCodeAndNoLaterClassIsEvenParsed() {
        CountingRuntime runtime = new CountingRuntime(false);
        SnoopTransformer transformer = transformer(runtime);

        assertNull(load(transformer, FirstSnooped.class));
        assertNull(load(transformer, SecondSnooped.class));

        assertEquals(1, runtime.asked, "asked once, never again");
        assertTrue(transformer.rewrittenClasses().isEmpty());
    }
}
