package io.jsnooper.junit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jsnooper.junit.SnoopExtension;
import io.jsnooper.junit.SnoopTest;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests that the extension's tests run through EngineTestKit. They fail on purpose, so they run
 * only when the kit passes {@value #RUN}: Surefire skips this file by its name, and an IDE that
 * runs the whole folder sees them disabled.
 */
public final class SampleTests {

    public static final String RUN = "jsnooper.samples.run";

    private SampleTests() {
    }

    /** Enables a sample only inside EngineTestKit. */
    static final class RunByTheKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(RUN).isPresent()
                    ? ConditionEvaluationResult.enabled("run by EngineTestKit")
                    : ConditionEvaluationResult.disabled("a sample for SnoopExtensionTest, which runs it");
        }
    }

    @SnoopTest
    @ExtendWith(RunByTheKit.class)
    public static class OneFailingOnePassing {

        @Test
        void squareOfThreeIsTen() {
            assertEquals(10, Arithmetic.square(3));
        }

        @Test
        void squareOfFourIsSixteen() {
            assertEquals(16, Arithmetic.square(4));
        }
    }

    /** Both fail after meeting at a barrier: they were running at the same time, on two threads. */
    @ExtendWith({RunByTheKit.class, SnoopExtension.class})
    @Execution(ExecutionMode.CONCURRENT)
    public static class TwoFailingInParallel {

        static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

        @Test
        void squares() throws Exception {
            Arithmetic.square(2);
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
            Arithmetic.square(5);
            fail("to see the trace of squares");
        }

        @Test
        void cubes() throws Exception {
            Arithmetic.cube(2);
            BOTH_RUNNING.await(30, TimeUnit.SECONDS);
            Arithmetic.cube(5);
            fail("to see the trace of cubes");
        }
    }
}
