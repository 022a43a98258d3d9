package io.jsnooper.demo;

import io.jsnooper.Snoop;
import java.util.ArrayList;
import java.util.List;

/** PySnooper's first example, in Java: the binary digits of a number. */
public final class Bits {

    private Bits() {
    }

    @Snoop
    static List<Integer> numberToBits(int number) {
        if (number != 0) {
            List<Integer> bits = new ArrayList<>();
            while (number > 0) {
                int remainder = number % 2;
                number = number / 2;
                bits.add(0, remainder);
            }
            return bits;
        }
        return List.of(0);
    }
}
