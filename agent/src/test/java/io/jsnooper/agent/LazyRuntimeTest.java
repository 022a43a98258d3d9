package io.jsnooper.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.agent.instrument.Rewriting;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runtime's definition is tried once; here it fails, as it would on a JVM that refuses it. */
class LazyRuntimeTest {

    @Test
    void aFailedDefinitionIsSaidOnceOnStderrAndNeverTriedAgain() throws Throwable {
        AtomicInteger redefinitions = new AtomicInteger();
        // an Instrumentation whose redefineModule refuses, the first step of the definition
        Instrumentation refusing = (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                    if (method.getName().equals("redefineModule")) {
                        redefinitions.incrementAndGet();
                        throw new UnsupportedOperationException("refused for the test");
                    }
                    throw new AssertionError("unexpected call: " + method);
                });
        LazyRuntime runtime = new LazyRuntime(refusing);

        String stderr = Rewriting.stderrOf(() -> {
            assertFalse(runtime.ready());
            assertFalse(runtime.ready());
        });

        assertEquals(1, redefinitions.get());
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("jsnooper: cannot define the runtime in the bootstrap class loader, so nothing is"
                + " traced and every class keeps its code: java.lang.UnsupportedOperationException: refused for the"
                + " test"), stderr);
    }
}
