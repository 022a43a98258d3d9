package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.secrets.Login;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Jdk;
import org.junit.jupiter.api.Test;

/** Values whose names look secret never reach a trace, unless the user says so. */
class RedactionTest {

    private static final String[] SECRETS = {"hunter2", "key-456", "blue", "tok-123"};

    @Test
    void parametersLocalsFieldsAndWatchesNamedLikeSecretsShowStars() throws Exception {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(Login.class).run().assertSucceeded();

        assertEquals("true\n", result.stdout);
        for (String secret : SECRETS) {
            assertFalse(result.stderr.contains(secret), secret + " leaked:\n" + result.stderr);
        }
        assertTrue(result.stderr.contains("Starting var:.. password = \"***\""), result.stderr);
        assertTrue(result.stderr.contains("Starting var:.. this.sessionToken = \"***\""), result.stderr);
        assertTrue(result.stderr.contains("New var:....... account.apiKey = \"***\""), result.stderr);
        assertTrue(result.stderr.contains("New var:....... secretAnswer = \"***\""), result.stderr);
        assertTrue(result.stderr.contains("New var:....... account.user = \"ann\""), "what isn't secret shows");
        assertTrue(result.stderr.contains("New var:....... attempts = 1"), result.stderr);
    }

    @Test
    void theJsonLinesTraceIsRedactedToo() throws Exception {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).main(Login.class).agentOptions("format=jsonl").run()
                .assertSucceeded();

        for (String secret : SECRETS) {
            assertFalse(result.stderr.contains(secret), secret + " leaked:\n" + result.stderr);
        }
        assertTrue(result.stderr.contains("\"name\":\"password\",\"value\":\"\\\"***\\\"\""), result.stderr);
    }

    @Test
    void redactNoneShowsEverythingAndAnotherPatternReplacesTheDefault() throws Exception {
        ChildJvm.Result all = ChildJvm.on(Jdk.CURRENT).main(Login.class).agentOptions("redact=none").run()
                .assertSucceeded();
        for (String secret : SECRETS) {
            assertTrue(all.stderr.contains(secret), secret + " is shown with redact=none:\n" + all.stderr);
        }

        ChildJvm.Result custom = ChildJvm.on(Jdk.CURRENT).main(Login.class).agentOptions("redact=attempts").run()
                .assertSucceeded();
        assertTrue(custom.stderr.contains("New var:....... attempts = \"***\""), custom.stderr);
        assertTrue(custom.stderr.contains("Starting var:.. password = \"hunter2\""), custom.stderr);
    }
}
