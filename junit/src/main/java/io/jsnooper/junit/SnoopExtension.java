package io.jsnooper.junit;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Shows the trace of the {@code @Snoop} methods a test called, only when that test fails.
 *
 * <pre>{@code
 * @ExtendWith(SnoopExtension.class)      // or @SnoopTest
 * class OrderTest { ... }
 * }</pre>
 *
 * <p>It loads the agent into the test JVM if it is not there yet (see {@link AgentLoader}), and
 * captures the trace of each test on the test's thread: what a test calls on that thread is
 * that test's, even when tests run in parallel. A passing test's trace is dropped. A failing test's
 * trace is published as the report entry {@value #REPORT_KEY}, written to
 * {@code target/jsnooper/<test class>/<test method>.trace} and printed on standard error.
 *
 * <p>Configuration parameters (a system property or a line in {@code junit-platform.properties}):
 * {@value AgentJar#PROPERTY}, the agent jar when it is not started with {@code -javaagent};
 * {@value FailedTestTrace#DIRECTORY}, the folder for the trace files ({@code target/jsnooper}).
 */
public final class SnoopExtension implements BeforeAllCallback, BeforeTestExecutionCallback,
        AfterTestExecutionCallback {

    /** The key of the report entry that holds a failing test's trace. */
    public static final String REPORT_KEY = "jsnooper.trace";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SnoopExtension.class);
    private static final String CAPTURE = "capture";

    /** Early, so that what the test class loads from now on is rewritten as it loads. */
    @Override
    public void beforeAll(ExtensionContext context) {
        bridge(context);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        CaptureBridge bridge = bridge(context);
        if (bridge == null) {
            return;
        }
        Object capture = bridge.start();
        if (capture != null) {
            context.getStore(NAMESPACE).put(CAPTURE, capture);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Object capture = context.getStore(NAMESPACE).remove(CAPTURE);
        CaptureBridge bridge = bridge(context);
        if (capture == null || bridge == null) {
            return;
        }
        String trace = bridge.stop(capture);
        Optional<Throwable> failure = context.getExecutionException();
        FailedTestTrace file = FailedTestTrace.of(context);
        if (failure.isEmpty() || failure.get() instanceof TestAbortedException || trace.isEmpty()) {
            file.deleteStale();
            return;
        }
        context.publishReportEntry(REPORT_KEY, trace);
        file.write(trace);
    }

    private static CaptureBridge bridge(ExtensionContext context) {
        // System properties are configuration parameters too, except where a launcher turns them off
        String jar = context.getConfigurationParameter(AgentJar.PROPERTY).orElse(System.getProperty(AgentJar.PROPERTY));
        return AgentLoader.bridge(jar,
                Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : SnoopExtension.class.getClassLoader());
    }
}
