package io.jsnooper.agent.output;

/** Whether standard error is a terminal that wants colours. */
public final class Terminal {

    private static final boolean COLOR_TERMINAL = detect();

    private Terminal() {
    }

    public static boolean isColorTerminal() {
        return COLOR_TERMINAL;
    }

    /**
     * {@code System.console()} is non-null only when the JVM is attached to a terminal: a trace piped
     * to a file or another program gets no escape codes. {@code NO_COLOR} (no-color.org) and
     * {@code TERM=dumb} turn them off.
     */
    private static boolean detect() {
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; isTerminal() tells the truth there.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }
}
