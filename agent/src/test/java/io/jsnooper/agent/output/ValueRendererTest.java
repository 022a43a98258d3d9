package io.jsnooper.agent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValueRendererTest {

    private final ValueRenderer renderer = new ValueRenderer(ValueRenderer.DEFAULT_MAX_LENGTH);

    /** PySnooper's utils.truncate for max_length=100: left=(100-3)//2=48, right=100-3-48=49. */
    private static String pysnooperTruncate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 48) + "..." + s.substring(s.length() - 49);
    }

    private static String digits(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('0' + i % 10));
        }
        return sb.toString();
    }

    @Test
    void stringsAreQuotedAndEscapedLikeJavaLiterals() {
        assertEquals("\"say \\\"hi\\\"\\n\\tto C:\\\\ \\u0001\"", renderer.render("say \"hi\"\n\tto C:\\ \u0001"));
        assertEquals("\"it's\"", renderer.render("it's"));
        assertEquals("\"caf\u00e9\"", renderer.render("caf\u00e9"));
    }

    @Test
    void stringsOfEveryLengthAreEscapedAsCharByCharThenCut() {
        String pattern = "ab\"c\\d\ne\u007ff\u0001gh";
        for (int length = 0; length <= 200; length++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append(pattern.charAt((i * 7 + length) % pattern.length()));
            }
            StringBuilder literal = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                literal.append(c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                        : c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            literal.append('"');
            assertEquals(renderer.truncate(literal.toString()), renderer.render(s.toString()), "length " + length);
        }
    }

    @Test
    void charsAreSingleQuotedAndEscaped() {
        assertEquals("'x'", renderer.render('x'));
        assertEquals("'\\''", renderer.render('\''));
        assertEquals("'\"'", ValueRenderer.charLiteral('"'));
        assertEquals("'\\n'", ValueRenderer.charLiteral('\n'));
    }

    @Test
    void nullBoxedNumbersAndBooleansRenderAsJavaPrintsThem() {
        assertEquals("null", renderer.render(null));
        assertEquals("42", renderer.render(42));
        assertEquals("-7", renderer.render(-7L));
        assertEquals("2.5", renderer.render(2.5));
        assertEquals("1.0E10", renderer.render(1e10f));
        assertEquals("true", renderer.render(Boolean.TRUE));
    }

    @Test
    void arraysRenderElementByElementAtAnyDimension() {
        assertEquals("[1, 2, 3]", renderer.render(new int[] {1, 2, 3}));
        assertEquals("[\"a\", null]", renderer.render(new String[] {"a", null}));
        assertEquals("[[1], []]", renderer.render(new long[][] {{1}, {}}));
        assertEquals("['a', 'b']", renderer.render(new char[] {'a', 'b'}));
        assertEquals("[]", renderer.render(new Object[0]));
    }

    @Test
    void jdkListsAndMapsRenderElementByElement() {
        assertEquals("[1, \"two\", null]", renderer.render(Arrays.asList(1, "two", null)));
        assertEquals("[3, 4]", renderer.render(new LinkedList<>(List.of(3, 4))));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", List.of('c'));
        assertEquals("{\"a\"=1, \"b\"=['c']}", renderer.render(map));
    }

    @Test
    void aRenderingOfExactlyTheMaximumLengthIsKeptWhole() {
        String ninetyEight = digits(98);

        assertEquals("\"" + ninetyEight + "\"", renderer.render(ninetyEight));
    }

    @Test
    void aRenderingOneCharacterTooLongIsCutInTheMiddleLikePySnooper() {
        String s = digits(99);

        String rendered = renderer.render(s);

        assertEquals("\"" + s.substring(0, 47) + "..." + s.substring(99 - 48) + "\"", rendered);
        assertEquals(100, rendered.length());
    }

    @Test
    void aLongStringKeepsItsFirst48AndLast49Characters() {
        String s = digits(100_000);

        assertEquals(pysnooperTruncate("\"" + s + "\""), renderer.render(s));
    }

    @Test
    void aLongListIsCutExactlyAsPySnooperCutsItsFullRendering() {
        List<Integer> list = IntStream.range(0, 1000).boxed().collect(Collectors.toList());
        String full = list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));

        assertEquals(pysnooperTruncate(full), renderer.render(list));
    }

    @Test
    void aLongLinkedListIsCutExactlyAsPySnooperCutsItsFullRendering() {
        List<Integer> list = IntStream.range(0, 1000).boxed().collect(Collectors.toCollection(LinkedList::new));
        String full = list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));

        assertEquals(pysnooperTruncate(full), renderer.render(list));
    }

    @Test
    void aHugeArrayIsRenderedFromAFewOfItsElementsOnly() {
        int[] renderings = {0};
        Object counted = new Object() {
            @Override
            public String toString() {
                renderings[0]++;
                return "e";
            }
        };
        Object[] huge = new Object[5_000_000];
        Arrays.fill(huge, counted);

        String rendered = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> renderer.render(huge));

        assertEquals(100, rendered.length());
        assertTrue(renderings[0] < 200, renderings[0] + " elements rendered");
    }

    @Test
    void aListOfTwoBillionElementsRendersBoundedWithoutWalkingIt() {
        List<Integer> huge = Collections.nCopies(Integer.MAX_VALUE, 7);

        String rendered = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> renderer.render(huge));

        assertEquals(pysnooperTruncate("[" + "7, ".repeat(40) + "..." + ", 7".repeat(40) + "]"), rendered);
    }

    @Test
    void aLinkedListThatContainsItselfIsRenderedOnceWithAMarker() {
        List<Object> self = new LinkedList<>();
        self.add(1);
        self.add(self);

        String rendered = renderer.render(self);

        assertTrue(rendered.startsWith("[1, ") && rendered.contains("(this Collection)"), rendered);
    }

    @Test
    void anArrayListThatContainsItselfRendersBounded() {
        List<Object> self = new ArrayList<>();
        self.add(1);
        self.add(self);

        String rendered = renderer.render(self);

        assertTrue(rendered.startsWith("[1, ") && rendered.length() <= 100, rendered);
    }

    @Test
    void anArrayListThatContainsItselfShowsThisCollection() {
        List<Object> self = new ArrayList<>();
        self.add(1);
        self.add(self);

        assertEquals("[1, (this Collection)]", renderer.render(self));
    }

    @Test
    void selfReferenceMarkersAreNotQuotedLikeStrings() {
        List<Object> list = new LinkedList<>();
        list.add(list);
        Map<String, Object> map = new HashMap<>();
        map.put("me", map);
        Simple simple = new Simple();
        simple.next = simple;

        assertEquals("[(this Collection)]", renderer.render(list));
        assertEquals("{\"me\"=(this Map)}", renderer.render(map));
        assertEquals("Simple{count=3, name=\"box\", next=(this)}", renderer.render(simple));
    }

    @Test
    void aMapThatContainsItselfIsRenderedOnceWithAMarker() {
        Map<String, Object> self = new HashMap<>();
        self.put("me", self);

        String rendered = renderer.render(self);

        assertTrue(rendered.startsWith("{\"me\"=") && rendered.contains("(this Map)"), rendered);
    }

    @Test
    void aToStringThatThrowsIsReportedInsteadOfEscaping() {
        Object failing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };

        assertEquals("<toString() threw java.lang.IllegalStateException: boom>", renderer.render(failing));
    }

    @Test
    void aToStringThatReturnsNullRendersAsNull() {
        Object nothing = new Object() {
            @Override
            public String toString() {
                return null;
            }
        };

        assertEquals("null", renderer.render(nothing));
    }

    @Test
    void aToStringWithLineBreaksStaysOnOneLine() {
        Object multiLine = new Object() {
            @Override
            public String toString() {
                return "a\nb\r\nc";
            }
        };

        assertEquals("abc", renderer.render(multiLine));
    }

    static class Simple {
        int count = 3;
        String name = "box";
        Simple next;
        static int ignored = 9;
    }

    @Test
    void anObjectWithoutItsOwnToStringShowsItsInstanceFields() {
        Simple simple = new Simple();

        assertEquals("Simple{count=3, name=\"box\", next=null}", renderer.render(simple));
    }

    enum Color { RED }

    @Test
    void anEnumRendersAsItsName() {
        assertEquals("RED", renderer.render(Color.RED));
    }

    /** Stands for a toString() that loops over a half-changed structure until the heap is full. */
    static final class HeapFiller {
        int calls;

        @Override
        public String toString() {
            calls++;
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void aToStringThatRanOutOfMemoryIsNotCalledAgain() {
        HeapFiller value = new HeapFiller();
        assertEquals("<toString() threw java.lang.OutOfMemoryError: Java heap space>", renderer.render(value));
        String again = renderer.render(value);
        assertEquals(1, value.calls, "called again: " + again);
        assertTrue(again.endsWith(" <toString() skipped: slow>"), again);
    }

    /** A toString() that spells out {@code length} characters; counts its calls. */
    static class Ledger {
        int calls;
        final int length;

        Ledger(int length) {
            this.length = length;
        }

        @Override
        public String toString() {
            calls++;
            return "#".repeat(length);
        }
    }

    static final class LongLedger extends Ledger {
        LongLedger() {
            super(10_001);
        }
    }

    @Test
    void aToStringAHundredTimesLongerThanWhatIsShownIsCalledThreeTimes() {
        LongLedger ledger = new LongLedger();
        String shown = "#".repeat(48) + "..." + "#".repeat(49);
        for (int i = 0; i < 3; i++) {
            assertEquals(shown, renderer.render(ledger));
        }
        String again = renderer.render(ledger);
        assertEquals(3, ledger.calls, "called again: " + again);
        assertTrue(again.matches(".*LongLedger@[0-9a-f]+ <toString\\(\\) skipped: slow>"), again);
    }

    /** One that is just long enough, and one that a renderer keeping everything shows whole. */
    static final class FullLedger extends Ledger {
        FullLedger() {
            super(10_000);
        }
    }

    static final class UnlimitedLedger extends Ledger {
        UnlimitedLedger() {
            super(150_000);
        }
    }

    @Test
    void aLongToStringWithinTheBoundOrWithoutALimitIsCalledEveryTime() {
        FullLedger full = new FullLedger();
        UnlimitedLedger unlimited = new UnlimitedLedger();
        ValueRenderer whole = new ValueRenderer(0);
        for (int i = 0; i < 5; i++) {
            assertEquals(100, renderer.render(full).length());
            assertEquals(150_000, whole.render(unlimited).length());
        }
        assertEquals(5, full.calls);
        assertEquals(5, unlimited.calls);
    }

    /** Counts its toString() calls: one is one too many while its own class is changing it. */
    static final class Chain {
        int calls;
        Chain next;
        final int value;

        Chain(int value) {
            this.value = value;
        }

        @Override
        public String toString() {
            calls++;
            return "chain " + value;
        }
    }

    @Test
    void anObjectInProgressShowsItsFieldsWithoutItsToStringRunning() {
        Chain chain = new Chain(1);
        chain.next = new Chain(2);

        String rendering = renderer.render(chain, value -> value instanceof Chain);

        assertEquals(0, chain.calls + chain.next.calls, rendering);
        assertTrue(rendering.matches("Chain\\{calls=0, next=io\\.jsnooper\\.agent\\.output\\.ValueRendererTest\\$Chain@[0-9a-f]+, value=1}"),
                rendering);
        assertEquals("chain 1", renderer.render(chain), "not in progress: its own toString()");
    }

    @Test
    void anObjectInProgressInsideACollectionShowsByIdentity() {
        Chain chain = new Chain(7);

        String rendering = renderer.render(List.of(chain, "x"), value -> value == chain);

        assertEquals(0, chain.calls, rendering);
        assertTrue(rendering.matches("\\[io\\.jsnooper\\.agent\\.output\\.ValueRendererTest\\$Chain@[0-9a-f]+, \"x\"]"), rendering);
    }

    record Range(int low, String name) {
        @Override
        public String toString() {
            throw new AssertionError("a record in progress must not be asked");
        }
    }

    @Test
    void aRecordInProgressShowsItsComponentsInTheRecordsOwnShape() {
        assertEquals("Range[low=2, name=\"r\"]", renderer.render(new Range(2, "r"), value -> true));
    }

    /** Stands for commons-collections4's FluentIterable.loop(): its toString() walks it, forever. */
    static final class Endless implements Iterable<Integer> {
        final int start = 1;

        @Override
        public java.util.Iterator<Integer> iterator() {
            return IntStream.iterate(start, i -> i + 1).iterator();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i : this) {
                sb.append(i);
            }
            return sb.toString();
        }
    }

    @Test
    void anIterableThatIsNotACollectionShowsItsFieldsItMayBeEndless() {
        String rendering = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> renderer.render(new Endless()));

        assertEquals("Endless{start=1}", rendering);
    }

    @Test
    void theJdksOwnIterablesStillShowTheirToString() {
        java.nio.file.Path path = java.nio.file.Path.of("/tmp", "trace.log");

        assertEquals("/tmp/trace.log", renderer.render(path, value -> true));
    }

    /**
     * Only both ends of a long value are rendered, yet the result must be PySnooper's cut of the
     * whole rendering (here the JDK's own toString(), which has the same shape) at every length,
     * for each way of walking a sequence: by index, backwards, or only forwards.
     */
    @Test
    void longSequencesShowExactlyTheCutOfTheirWholeRenderingAtEveryLength() {
        for (int maxLength : new int[] {100, 10, 37}) {
            ValueRenderer cut = new ValueRenderer(maxLength);
            for (int size = 0; size <= 160; size++) {
                List<Integer> numbers = IntStream.range(0, size).map(i -> i * 37 % 1001).boxed().collect(Collectors.toList());
                List<String> words = numbers.stream().map(i -> "w" + i).collect(Collectors.toList());
                List<Object> all = List.of(new ArrayList<>(numbers), new LinkedList<>(numbers),
                        new java.util.TreeSet<>(numbers), new java.util.ArrayDeque<>(numbers),
                        List.of(new ArrayList<>(numbers), new LinkedList<>(numbers)),
                        new LinkedList<>(List.of(numbers, numbers)));
                for (Object value : all) {
                    assertEquals(cut.truncate(value.toString()), cut.render(value),
                            maxLength + " / " + size + " / " + value.getClass().getSimpleName());
                }
                String quoted = words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ", "[", "]"));
                assertEquals(cut.truncate(quoted), cut.render(words), maxLength + " / " + size + " words");
                int[] array = numbers.stream().mapToInt(Integer::intValue).toArray();
                assertEquals(cut.truncate(Arrays.toString(array)), cut.render(array), maxLength + " / " + size + " int[]");
                String text = String.join("", words);
                assertEquals(cut.truncate("\"" + text + "\""), cut.render(text), maxLength + " / " + size + " String");
            }
        }
    }

    /** Its fields fill more than one end of the budget before its sequences start. */
    static final class Labelled {
        String label = "l".repeat(70);
        Object values;

        Labelled(Object values) {
            this.values = values;
        }
    }

    @Test
    void aSequenceThatStartsPastTheBudgetShowsItsEndWithoutAStraySeparator() {
        String prefix = "Labelled{label=\"" + "l".repeat(70) + "\", values=";
        for (int size = 0; size <= 40; size++) {
            List<Integer> numbers = IntStream.range(0, size).boxed().collect(Collectors.toList());
            int[] array = numbers.stream().mapToInt(Integer::intValue).toArray();
            for (Object values : List.of(new ArrayList<>(numbers), new LinkedList<>(numbers), array)) {
                String whole = prefix + (values instanceof int[] ? Arrays.toString(array) : values.toString()) + "}";
                assertEquals(renderer.truncate(whole), renderer.render(new Labelled(values)), size + " " + values.getClass());
            }
        }
    }

    @Test
    void primitiveArraysRenderExactlyAsTheirBoxedTwinsAtEveryLength() {
        for (int length = 0; length <= 120; length++) {
            int[] ints = new int[length];
            Integer[] boxedInts = new Integer[length];
            char[] chars = new char[length];
            Character[] boxedChars = new Character[length];
            for (int i = 0; i < length; i++) {
                ints[i] = i * 37 - 500;
                boxedInts[i] = ints[i];
                chars[i] = (char) ('a' + i % 26);
                boxedChars[i] = chars[i];
            }
            assertEquals(renderer.render(boxedInts), renderer.render(ints), "int[" + length + "]");
            assertEquals(renderer.render(boxedChars), renderer.render(chars), "char[" + length + "]");
        }
    }

    /**
     * The tracer's re-check after a line: nothing when the value still shows as it was shown,
     * else exactly its new rendering, whatever the builder held before; a change only in the part
     * the middle cut leaves out shows nothing, as comparing the renderings did.
     */
    @Test
    void aRecheckedValueReturnsNothingAsShownAndItsRenderingOnceChanged() {
        StringBuilder scratch = new StringBuilder("left over from an earlier value");
        for (int maxLength : new int[] {100, 10, 37, 0}) {
            ValueRenderer cut = new ValueRenderer(maxLength);
            for (int size : new int[] {0, 3, 40, 1000}) {
                List<Integer> numbers = IntStream.range(0, size).boxed().collect(Collectors.toCollection(LinkedList::new));
                String where = maxLength + " / " + size;
                String shown = cut.render(numbers);
                assertEquals(shown, cut.renderChanged(numbers, ValueRenderer.NOTHING_IN_PROGRESS, null, scratch), where);
                assertNull(cut.renderChanged(numbers, ValueRenderer.NOTHING_IN_PROGRESS, shown, scratch), where);

                numbers.add(size / 2, 7); // in the middle: cut out of a long list's rendering
                String middle = cut.render(numbers);
                assertEquals(middle.equals(shown) ? null : middle,
                        cut.renderChanged(numbers, ValueRenderer.NOTHING_IN_PROGRESS, shown, scratch), where + " middle");

                numbers.add(-1); // at the end: always shown
                assertEquals(cut.render(numbers),
                        cut.renderChanged(numbers, ValueRenderer.NOTHING_IN_PROGRESS, middle, scratch), where + " end");
            }
        }
    }

    @Test
    void aRecheckedValueThatShowsWithoutIdentityHashesIsComparedWithout() {
        ValueRenderer normalized = new ValueRenderer(ValueRenderer.DEFAULT_MAX_LENGTH, true, List.of());
        Object plain = new Object();
        String shown = normalized.render(List.of(plain, "x"));

        assertEquals("[java.lang.Object, \"x\"]", shown);
        assertNull(normalized.renderChanged(List.of(new Object(), "x"), ValueRenderer.NOTHING_IN_PROGRESS, shown,
                new StringBuilder()));
    }

    @Test
    void theBuilderOfAnUnboundedRenderingIsGivenBackAfterUse() {
        StringBuilder scratch = new StringBuilder();
        String huge = digits(200_000);

        String rendered = new ValueRenderer(0).renderChanged(huge, ValueRenderer.NOTHING_IN_PROGRESS, null, scratch);

        assertEquals("\"" + huge + "\"", rendered);
        assertTrue(scratch.capacity() < huge.length(), "capacity " + scratch.capacity());
    }
}
