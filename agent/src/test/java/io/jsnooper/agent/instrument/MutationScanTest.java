package io.jsnooper.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which lines are followed by a re-rendering of object variables: exactly those whose code can
 * change an object. A line wrongly said inert would hide an in-place change from the trace.
 */
class MutationScanTest {

    /** The fixture: each statement on its own line, every kind of line the scan distinguishes. */
    @SuppressWarnings("unused")
    static int lines(List<String> list, int[] array, StringBuilder text, int n) {
        int total = 0;
        total += array[0];
        array[1] = total;
        list.add("x");
        int larger = Math.max(n, total);
        String digits = Integer.toString(larger);
        int length = digits.length();
        String joined = digits + length;
        Runnable task = () -> list.clear();
        text.append(joined);
        char[] chars = new char[2];
        digits.getChars(0, 1, chars, 0);
        boolean same = digits.equals(text);
        return total + larger + length;
    }

    @Test
    void onlyLinesThatCallWriteAFieldOrAnArrayElementCanChangeAnObject() throws Exception {
        ClassNode type = new ClassNode();
        new ClassReader(Rewriting.bytesOf(MutationScanTest.class)).accept(type, 0);
        MethodNode method = type.methods.stream().filter(m -> m.name.equals("lines")).findFirst().orElseThrow();
        MethodLayout layout = MethodLayout.of(type.name, method);
        boolean[] mutates = MutationScan.of(layout.lineSites, layout.probeLines.size());
        Map<Integer, Boolean> byLine = new TreeMap<>();
        for (int probe = 0; probe < mutates.length; probe++) {
            byLine.merge(layout.probeLines.get(probe), mutates[probe], Boolean::logicalOr);
        }
        int first = byLine.keySet().iterator().next();
        boolean[] expected = {
            false, // int total = 0;
            false, // total += array[0];
            true,  // array[1] = total;
            true,  // list.add("x");
            false, // Math.max
            false, // Integer.toString(int)
            false, // String.length()
            false, // string concatenation
            false, // creating a lambda
            true,  // text.append(joined)
            false, // new char[2]
            true,  // getChars writes into an array
            true,  // equals(Object) may run the program's code
            false, // return
        };
        assertEquals(expected.length, byLine.size(), byLine.toString());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], byLine.get(first + i), "line " + (first + i) + " of " + byLine);
        }
    }

    static final class Link {
        Link next;
        int hits;
    }

    private int count;

    /** Writes fields of Link (twice) and of this class; reads others' fields without writing them. */
    @SuppressWarnings("unused")
    void relink(Link first, Link second, StringBuilder text) {
        second.next = first;
        first.next = null;
        first.hits = second.hits;
        count++;
        text.append(first.hits);
    }

    @Test
    void fieldOwnersAreTheClassesWhoseFieldsTheMethodWritesThemselves() throws Exception {
        ClassNode type = new ClassNode();
        new ClassReader(Rewriting.bytesOf(MutationScanTest.class)).accept(type, 0);
        MethodNode method = type.methods.stream().filter(m -> m.name.equals("relink")).findFirst().orElseThrow();

        assertEquals(List.of(Link.class.getName(), MutationScanTest.class.getName()),
                List.of(MutationScan.fieldOwners(method.instructions)));
    }
}
