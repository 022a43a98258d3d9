package io.jsnooper.agent.instrument;

import static io.jsnooper.agent.instrument.Rewriting.invoke;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.Snoop;
import io.jsnooper.agent.match.SnoopMatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassRewriterTest {

    /** Methods javac compiles into every shape the rewriter must keep working. */
    static class Samples {
        int last;

        @Snoop
        static int sumTo(int n) {
            int total = 0;
            for (int i = 1; i <= n; i++) {
                if (i % 7 == 0) {
                    continue;
                }
                total += i;
            }
            return total;
        }

        @Snoop
        static long mix(long a, double f, boolean negate, char c, byte b, short s, float g) {
            long r = (long) (a * f) + c + b + s + (long) g;
            if (negate) {
                r = -r;
            }
            return r;
        }

        @Snoop
        static double scale(double d) {
            double h = d / 2;
            h *= 3;
            return h;
        }

        @Snoop
        int add(int a, int b) {
            int c = a + b;
            last = c;
            return c;
        }

        /**
         * Static: rendering {@code this} of a nested class loaded apart from its outer class fails
         * (getSimpleName checks InnerClasses across loaders), which only the test's loader does.
         */
        @Snoop
        static int plus(int a, int b) {
            int c = a + b;
            return c;
        }

        @Snoop
        static String join(List<String> parts) {
            StringBuilder sb = new StringBuilder();
            for (String p : parts) {
                sb.append(p).append(',');
            }
            return sb.toString();
        }

        @Snoop
        static int classify(int k) {
            switch (k) {
                case 1:
                    return 10;
                case 2:
                case 3:
                    return 20;
                case 100:
                    return 30;
                default:
                    return -1;
            }
        }

        @Snoop
        static String stringSwitch(String s) {
            switch (s) {
                case "a":
                    return "A";
                case "b":
                    return "B";
                default:
                    return "?";
            }
        }

        @Snoop
        static Object slotReuse(int n) {
            {
                int a = n;
                n = a + 1;
            }
            {
                String b = "s" + n;
                return b;
            }
        }

        @Snoop
        static int lambdas(List<Integer> xs) {
            int factor = 3;
            return xs.stream().mapToInt(x -> x * factor).sum();
        }

        @Snoop
        static int recursive(int n) {
            return n <= 0 ? 0 : n + recursive(n - 1);
        }

        @Snoop
        static int synchronizedBlock(Object lock, int[] box) {
            synchronized (lock) {
                box[0]++;
            }
            return box[0];
        }

        @Snoop
        static int tryWithResources(StringWriter target) throws IOException {
            try (PrintWriter out = new PrintWriter(target)) {
                out.print("hi");
            }
            return target.toString().length();
        }

        @Snoop
        static void nothing() {
        }

        @Snoop
        static void rethrow(RuntimeException e) {
            throw e;
        }

        @Snoop
        static int recover(RuntimeException e) {
            try {
                throwIt(e);
                return 1;
            } catch (IllegalStateException caught) {
                return 2;
            }
        }

        @Snoop
        static int rethrowFromCatch(RuntimeException e) {
            try {
                throwIt(e);
                return 1;
            } catch (RuntimeException caught) {
                throw caught;
            }
        }

        @Snoop
        static int finallyCounts(int[] calls, RuntimeException e) {
            try {
                if (e != null) {
                    throw e;
                }
                return 1;
            } finally {
                calls[0]++;
            }
        }

        @Snoop
        static Object[] arrays(int n) {
            int[] squares = new int[n];
            for (int i = 0; i < n; i++) {
                squares[i] = i * i;
            }
            long[][] grid = new long[2][n];
            grid[1][0] = 9;
            return new Object[] {squares, grid};
        }

        static void throwIt(RuntimeException e) {
            throw e;
        }
    }

    /** A {@code new} whose arguments branch: the stack map frames name the {@code new} by its label. */
    static class NewWithBranchingArguments {
        @Snoop
        static String notFirstOnItsLine(boolean flag) {
            String s = "x".concat(new StringBuilder(
                    flag
                            ? "yes"
                            : "no")
                    .toString());
            return s;
        }
    }

    static class NewWithBranchingArgumentsFirstOnItsLine {
        @Snoop
        static String firstOnItsLine(boolean flag) {
            String s = new StringBuilder(flag ? "yes" : "no").toString();
            return s;
        }
    }

    static class Plain {
        int twice(int x) {
            return 2 * x;
        }
    }

    private final Class<?> rewritten = Rewriting.rewriteAndLoad(Samples.class);

    private static void assertSameResult(Object expected, Object actual) {
        if (expected instanceof Object[]) {
            assertArrayEquals(Arrays.deepToString((Object[]) expected).toCharArray(),
                    Arrays.deepToString((Object[]) actual).toCharArray());
        } else {
            assertEquals(expected, actual);
        }
    }

    private void assertUnchanged(String method, Object... args) throws Throwable {
        Object original = invoke(Samples.class, null, method, args);
        Object traced = invoke(rewritten, null, method, args);
        assertSameResult(original, traced);
    }

    @Test
    void theRewrittenClassIsAnotherClassThanTheOriginal() {
        assertNotSame(Samples.class, rewritten);
        assertEquals(Samples.class.getName(), rewritten.getName());
    }

    @Test
    void loopsBranchesAndPrimitivesOfEveryKindGiveTheSameResults() throws Throwable {
        assertUnchanged("sumTo", 20);
        assertUnchanged("mix", 5L, 1.5, true, 'a', (byte) -2, (short) 300, 2.75f);
        assertUnchanged("mix", Long.MAX_VALUE, -0.5, false, '\uffff', Byte.MIN_VALUE, Short.MAX_VALUE, Float.NaN);
        assertUnchanged("scale", 7.25);
        assertUnchanged("classify", 3);
        assertUnchanged("classify", 100);
        assertUnchanged("classify", -4);
        assertUnchanged("stringSwitch", "b");
        assertUnchanged("stringSwitch", "zz");
        assertUnchanged("slotReuse", 41);
        assertUnchanged("recursive", 30);
        assertUnchanged("nothing");
        assertUnchanged("arrays", 4);
    }

    @Test
    void objectsCollectionsLambdasAndMultiLineConstructorCallsGiveTheSameResults() throws Throwable {
        assertUnchanged("join", List.of("a", "b", "c"));
        assertUnchanged("lambdas", List.of(1, 2, 3));
        assertEquals(5, invoke(rewritten, null, "synchronizedBlock", new Object(), new int[] {4}));
        assertEquals(2, invoke(rewritten, null, "tryWithResources", new StringWriter()));
    }

    @Test
    void aNewWhoseArgumentsBranchInsideALineStillLoadsAndRuns() throws Throwable {
        Class<?> type = Rewriting.rewriteAndLoad(NewWithBranchingArguments.class);

        assertEquals("xyes", invoke(type, null, "notFirstOnItsLine", true));
        assertEquals("xno", invoke(type, null, "notFirstOnItsLine", false));
    }

    @Test
    void aNewWhoseArgumentsBranchAtTheStartOfALineStillLoadsAndRuns() throws Throwable {
        Class<?> type = Rewriting.rewriteAndLoad(NewWithBranchingArgumentsFirstOnItsLine.class);

        assertEquals("yes", invoke(type, null, "firstOnItsLine", true));
    }

    @Test
    void anInstanceMethodStillUpdatesItsObject() throws Throwable {
        Object samples = Rewriting.newInstance(rewritten);

        assertEquals(7, invoke(rewritten, samples, "add", 3, 4));
        java.lang.reflect.Field last = rewritten.getDeclaredField("last");
        last.setAccessible(true);
        assertEquals(7, last.getInt(samples));
    }

    @Test
    void anExceptionLeavesTheMethodAsTheVerySameObject() {
        RuntimeException thrown = new IllegalArgumentException("no");

        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> invoke(rewritten, null, "rethrow", thrown)));
        assertSame(thrown, assertThrows(IllegalArgumentException.class,
                () -> invoke(rewritten, null, "rethrowFromCatch", thrown)));
    }

    @Test
    void aCatchHandlerStillCatchesOnlyWhatItCatches() throws Throwable {
        RuntimeException other = new UnsupportedOperationException();

        assertEquals(2, invoke(rewritten, null, "recover", new IllegalStateException()));
        assertSame(other, assertThrows(UnsupportedOperationException.class,
                () -> invoke(rewritten, null, "recover", other)));
    }

    @Test
    void finallyRunsOnceWhetherTheMethodReturnsOrThrows() throws Throwable {
        int[] calls = {0};
        RuntimeException thrown = new IllegalStateException();

        assertEquals(1, invoke(rewritten, null, "finallyCounts", calls, null));
        assertSame(thrown, assertThrows(IllegalStateException.class,
                () -> invoke(rewritten, null, "finallyCounts", calls, thrown)));
        assertEquals(2, calls[0]);
    }

    @Test
    void theRewrittenMethodReportsItsCallLinesVariablesAndReturnValue() throws Throwable {
        String trace = Rewriting.stderrOf(() -> invoke(rewritten, null, "plus", 3, 4));

        assertTrue(trace.contains("Starting var:.. a = 3\n"), trace);
        assertTrue(trace.contains("Starting var:.. b = 4\n"), trace);
        assertTrue(trace.matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{6} call +\\d+ +static int plus\\(int a, int b\\) \\{\n.*"), trace);
        assertTrue(trace.matches("(?s).* line +\\d+ +int c = a \\+ b;\n.*"), trace);
        assertTrue(trace.contains("New var:....... c = 7\n"), trace);
        assertTrue(trace.contains("Return value:.. 7\n"), trace);
        assertTrue(trace.contains("Elapsed time: "), trace);
    }

    @Test
    void anEscapingExceptionIsReportedAndTheCallEndedByIt() throws Throwable {
        RuntimeException thrown = new IllegalArgumentException("no");

        String trace = Rewriting.stderrOf(() -> assertThrows(IllegalArgumentException.class,
                () -> invoke(rewritten, null, "rethrow", thrown)));

        assertTrue(trace.contains("Exception:..... java.lang.IllegalArgumentException: no\n"), trace);
        assertTrue(trace.contains("Call ended by exception\n"), trace);
    }

    @Test
    void aClassWithoutSnoopIsNotRewrittenAndRejectedByTheByteScan() {
        byte[] plain = Rewriting.bytesOf(Plain.class);

        assertNull(Rewriting.rewriter().rewrite(plain));
        assertTrue(!SnoopMatcher.mentionsSnoop(plain));
        assertTrue(SnoopMatcher.mentionsSnoop(Rewriting.bytesOf(Samples.class)));
    }
}
