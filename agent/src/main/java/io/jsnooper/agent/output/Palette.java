package io.jsnooper.agent.output;

/** PySnooper's ANSI colours, shared by the text format and the {@code view} command. */
public final class Palette {

    public static final String DIM = "\u001b[2m";
    public static final String NORMAL = "\u001b[22m";
    public static final String BRIGHT = "\u001b[1m";
    public static final String RESET = "\u001b[0m";
    public static final String GREEN = "\u001b[32m";
    public static final String CYAN = "\u001b[36m";
    public static final String RED = "\u001b[31m";
    public static final String YELLOW = "\u001b[33m";
    public static final String FOREGROUND_RESET = "\u001b[39m";

    private Palette() {
    }
}
