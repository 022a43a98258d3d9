package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.hostile.ProxyListMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TraceGrammar;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A proxy's every method, {@code toString()} and {@code iterator()} included, runs the program's
 * handler: a proxy is shown by identity and never called. (Java 16+ names proxy classes
 * {@code jdk.proxyN.$ProxyN}, which the renderer once took for a JDK collection to walk.)
 */
class ProxyValuesTest {

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aProxyIsShownWithoutCallingItsHandler(Jdk jdk) throws Exception {
        ChildJvm.Result result = ChildJvm.on(jdk).main(ProxyListMain.class).run().assertSucceeded();

        assertEquals("first = zero, handler saw [get]\n", result.stdout);
        assertEquals(List.of(), TraceGrammar.agentMessages(result.stderr), result.stderr);
        assertTrue(result.stderr.matches("(?s).*Starting var:\\.\\. list = jdk\\.proxy\\d+\\.\\$Proxy\\d+@[0-9a-f]+\n.*"),
                result.stderr);
        assertTrue(result.stderr.contains("Return value:.. \"zero\"\n"), result.stderr);
    }
}
