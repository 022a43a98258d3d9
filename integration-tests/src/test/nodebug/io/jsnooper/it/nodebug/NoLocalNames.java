package io.jsnooper.it.nodebug;

import io.jsnooper.Snoop;

/** Compiled by its test with -g:source,lines: the class has lines but no local variable names. */
public final class NoLocalNames {

    private final int scale;

    NoLocalNames(int scale) {
        this.scale = scale;
    }

    @Snoop
    static long sumTo(int limit, String label) {
        long total = 0;
        for (int i = 1; i <= limit; i++) {
            total += i;
        }
        String text = label + total;
        System.out.println(text);
        return total;
    }

    @Snoop
    double scaled(double value) {
        double result = value * scale;
        return result;
    }

    public static void main(String[] args) {
        System.out.println(sumTo(3, "sum="));
        System.out.println(sumTo(1, "one="));
        System.out.println(new NoLocalNames(2).scaled(1.25));
    }
}
