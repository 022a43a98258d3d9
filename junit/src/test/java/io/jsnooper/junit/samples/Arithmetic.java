package io.jsnooper.junit.samples;

import io.jsnooper.Snoop;

/** The code under test of the samples: two snooped methods, told apart by name in a trace. */
public final class Arithmetic {

    private Arithmetic() {
    }

    @Snoop
    public static int square(int n) {
        int result = n * n;
        return result;
    }

    @Snoop
    public static int cube(int n) {
        int result = n * n * n;
        return result;
    }
}
