package io.jsnooper.agent.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactedNamesTest {

    private final RedactedNames names = new RedactedNames(new String[] {"user", "password", "apiToken"});

    @Test
    void nothingIsHiddenWithoutAPattern() {
        assertArrayEquals(new boolean[] {false, false, false}, names.hiddenBy(null));
    }

    @Test
    void aNameIsHiddenWhenThePatternFindsIt() {
        Pattern redact = Pattern.compile("password|token", Pattern.CASE_INSENSITIVE);

        assertArrayEquals(new boolean[] {false, true, true}, names.hiddenBy(redact));
    }

    @Test
    void anotherPatternWithTheSameTextGetsTheSameAnswerWithoutWorkingItOutAgain() {
        boolean[] first = names.hiddenBy(Pattern.compile("user"));

        assertSame(first, names.hiddenBy(Pattern.compile("user")));
        assertArrayEquals(new boolean[] {false, true, false}, names.hiddenBy(Pattern.compile("pass")));
    }
}
