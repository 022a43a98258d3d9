package io.jsnooper.junit.samples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs {@link SampleTests.OneFailingOnePassing} in a JVM of its own, so that a test can start it
 * with {@code -javaagent}. Argument: the trace folder. Prints the test statistics.
 */
public final class KitMain {

    private KitMain() {
    }

    public static void main(String[] args) {
        var results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SampleTests.OneFailingOnePassing.class))
                .configurationParameter(SampleTests.RUN, "true")
                .configurationParameter("jsnooper.traceDirectory", args[0])
                .execute();
        System.out.println("failed=" + results.testEvents().failed().count()
                + " succeeded=" + results.testEvents().succeeded().count());
    }
}
