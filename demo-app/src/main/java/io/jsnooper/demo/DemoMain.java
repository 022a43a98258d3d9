package io.jsnooper.demo;

/**
 * Runs each demo once. Start it with {@code -javaagent:jsnooper-agent.jar} and read the trace on
 * stderr; without the agent it prints only its results.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        System.out.println("numberToBits(6) = " + Bits.numberToBits(6));
    }
}
