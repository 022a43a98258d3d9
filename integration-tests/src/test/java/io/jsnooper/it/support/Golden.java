package io.jsnooper.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares a normalized trace with {@code src/test/resources/golden/NAME.trace}. Run with
 * {@code -Djsnooper.updateGolden=true} to (re)write the files, then review them like code.
 */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(String name, String actualTrace) {
        String actual = TraceText.normalize(actualTrace);
        Path file = TestPaths.goldenDir().resolve(name + ".trace");
        try {
            if (Boolean.getBoolean("jsnooper.updateGolden")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no golden file " + file
                        + "; run with -Djsnooper.updateGolden=true to create it. Actual trace:\n" + actual);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                throw new AssertionError("trace differs from " + file + "\n" + diff(expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first differing line with some context, then both texts whole. */
    static String diff(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        StringBuilder sb = new StringBuilder("first difference at line ").append(i + 1).append('\n');
        sb.append("expected: ").append(i < e.size() ? e.get(i) : "<end of trace>").append('\n');
        sb.append("actual:   ").append(i < a.size() ? a.get(i) : "<end of trace>").append('\n');
        sb.append("---- actual trace ----\n").append(actual);
        return sb.toString();
    }
}
