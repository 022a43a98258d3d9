package io.jsnooper.agent.view;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which outermost calls {@code view} prints. A call and the calls it made are one unit: a filter
 * on the method matches when the outermost call or any call inside it matches; {@code --failed}
 * and {@code --since} look at the outermost call; {@code --grep} at every line of the unit. All
 * filters given must match.
 */
final class CallFilter implements Predicate<TracedCall> {

    private final List<Predicate<TracedCall>> all = new ArrayList<>();

    /** {@code id-name}, its name or its id, {@code *} matching any characters. */
    CallFilter thread(String name) {
        Pattern pattern = glob(name);
        all.add(call -> {
            String thread = call.thread;
            if (thread == null) {
                return false;
            }
            int dash = thread.indexOf('-');
            return pattern.matcher(thread).matches()
                    || (dash > 0 && (pattern.matcher(thread.substring(dash + 1)).matches()
                    || pattern.matcher(thread.substring(0, dash)).matches()));
        });
        return this;
    }

    /**
     * {@code method}, {@code Class#method} or {@code pkg.Class#method}, {@code *} matching any
     * characters. A text trace names no class: its source file's name stands for it.
     */
    CallFilter method(String pattern) {
        Pattern glob = glob(pattern);
        all.add(root -> {
            boolean[] found = {false};
            root.forEachCall(call -> found[0] |= matchesMethod(glob, call));
            return found[0];
        });
        return this;
    }

    private static boolean matchesMethod(Pattern glob, TracedCall call) {
        String method = call.methodName == null ? "" : call.methodName;
        String className = call.className;
        if (className == null && call.file != null) {
            String file = call.file.substring(call.file.lastIndexOf('/') + 1);
            className = file.endsWith(".java") ? file.substring(0, file.length() - 5) : file;
        }
        if (glob.matcher(method).matches()) {
            return true;
        }
        if (className == null) {
            return false;
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return glob.matcher(className + "#" + method).matches() || glob.matcher(simple + "#" + method).matches()
                || glob.matcher(className).matches() || glob.matcher(simple).matches();
    }

    /** Only calls that ended by an exception. */
    CallFilter failed() {
        all.add(TracedCall::failed);
        return this;
    }

    /** Lines containing {@code text}, exactly as printed (without colours). */
    CallFilter grep(String text) {
        all.add(root -> {
            StringBuilder printed = new StringBuilder();
            new TraceRenderer(false, 0).render(root, printed);
            return printed.indexOf(text) >= 0 || (root.thread != null && root.thread.contains(text));
        });
        return this;
    }

    /**
     * Calls that started at or after {@code time}: {@code HH:MM[:SS[.ffffff]]} of the trace's own
     * (local) clock, or a date and time ({@code 2026-03-01T14:05:00}, with an offset or {@code Z} to
     * name the zone) that JSON Lines traces compare with their {@code epoch_us}.
     */
    CallFilter since(String time) {
        Since since = Since.parse(time);
        all.add(since::admits);
        return this;
    }

    @Override
    public boolean test(TracedCall call) {
        for (Predicate<TracedCall> filter : all) {
            if (!filter.test(call)) {
                return false;
            }
        }
        return true;
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] pieces = pattern.split("\\*", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(pieces[i]));
        }
        return Pattern.compile(regex.toString());
    }

    /** A point in time, as a time of day and, when a date was given, as microseconds since the epoch. */
    static final class Since {
        final long microsOfDay;
        final long epochMicros;

        private Since(long microsOfDay, long epochMicros) {
            this.microsOfDay = microsOfDay;
            this.epochMicros = epochMicros;
        }

        static Since parse(String text) {
            try {
                if (!text.contains("T") && !text.contains(" ")) {
                    LocalTime time = LocalTime.parse(text);
                    return new Since(time.toNanoOfDay() / 1_000, -1);
                }
                String iso = text.replace(' ', 'T');
                Instant instant;
                if (iso.endsWith("Z") || iso.toUpperCase(Locale.ROOT).matches(".*[+-]\\d\\d:?\\d\\d$")) {
                    instant = OffsetDateTime.parse(iso).toInstant();
                } else {
                    instant = LocalDateTime.parse(iso).atZone(ZoneId.systemDefault()).toInstant();
                }
                LocalTime local = instant.atZone(ZoneId.systemDefault()).toLocalTime();
                return new Since(local.toNanoOfDay() / 1_000, instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--since " + text + ": not a time; write HH:MM, HH:MM:SS,"
                        + " HH:MM:SS.ffffff or a date and time such as 2026-03-01T14:05:00");
            }
        }

        boolean admits(TracedCall call) {
            if (epochMicros >= 0 && call.epochMicros >= 0) {
                return call.epochMicros >= epochMicros;
            }
            long start = call.startMicros();
            return start < 0 || start >= microsOfDay; // a call without times can't be ruled out
        }
    }
}
