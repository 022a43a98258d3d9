package io.jsnooper.it.support;

import java.util.regex.Pattern;

/**
 * Makes a trace comparable across runs: timestamps and elapsed times masked, identity hashes
 * masked, the absolute source path made relative to the fixtures' source root.
 */
public final class TraceText {

    private static final Pattern TIMESTAMP = Pattern.compile("(?m)^(\\s*)\\d{2}:\\d{2}:\\d{2}\\.\\d{6} ");
    private static final Pattern ELAPSED = Pattern.compile("(?m)^(\\s*)Elapsed time: \\d{2}:\\d{2}:\\d{2}\\.\\d{6}$");
    private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]{4,8}\\b");

    private TraceText() {
    }

    public static String normalize(String trace) {
        String text = trace.replace("\r\n", "\n");
        text = TIMESTAMP.matcher(text).replaceAll("$1HH:MM:SS.ffffff ");
        text = ELAPSED.matcher(text).replaceAll("$1Elapsed time: HH:MM:SS.ffffff");
        text = IDENTITY.matcher(text).replaceAll("@HASH");
        return text.replace(TestPaths.sourceRoot().toString() + "/", "");
    }
}
