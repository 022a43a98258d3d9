package io.jsnooper.agent.output;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Renders a value the way a Java developer reads it, bounded whatever the value: strings quoted
 * and escaped, arrays and JDK collections element by element (never their {@code toString()} of a
 * million elements just to cut it), other objects by their own {@code toString()} when they have
 * one, else by their fields one level deep. Nothing thrown by user code escapes: a failing
 * {@code toString()} renders as {@code <toString() threw ...>}.
 *
 * <p>A class's own {@code toString()} is program code run at moments the program never runs it, so
 * it is not called where it could see an object half-changed: an object whose class's code is
 * running on this thread (see {@link InProgress}) shows its fields instead, and so does an
 * {@code Iterable} that is not a {@code Collection}, which may be endless by design.
 *
 * <p>The caller must mark its thread as inside the tracer while rendering, so that a snooped method
 * called from a {@code toString()} is not traced.
 */
public final class ValueRenderer {

    /** Longest rendering kept before cutting it in the middle, as PySnooper's default. */
    public static final int DEFAULT_MAX_LENGTH = 100;
    /** Fields shown for an object without its own toString(). */
    private static final int MAX_FIELDS = 8;
    /** Collections inside collections deeper than this show by identity: cycles can't recurse. */
    private static final int MAX_NESTING = 4;

    /**
     * A toString() slower than this, or running more of the program's rewritten methods than
     * {@link #HEAVY_TO_STRING_CALLS}, or returning a text {@link #LONG_TO_STRING_FACTOR} times
     * longer than a value shows, three times, marks its class as too slow to call again: once
     * is tolerable (and the first call of a record's toString() bootstraps it), at every line of a
     * loop it is not. Such a class shows by identity from then on. The call count is the measure
     * that does not depend on the machine: under a whole-library trace a toString() that walks a
     * structure nested 100 deep runs 100,000 methods, and the trace would run it at every line.
     */
    private static final long SLOW_TO_STRING_NANOS = 10_000_000;
    private static final long HEAVY_TO_STRING_CALLS = 10_000;
    /**
     * A toString() that returns this many times the characters a value shows counts as slow too:
     * spelling out a multimap's 2,048 values to keep 100 characters, at nearly every line (a field
     * of the object a whole-library trace re-renders), was a third of commons-collections4's
     * multimap tests' time. The length, like the call count, is the same on every machine.
     */
    private static final int LONG_TO_STRING_FACTOR = 100;
    private static final int SLOW_TIMES = 3;
    /** Capacity past which a thread's scratch builder is given back after use. */
    private static final int MAX_SCRATCH = 1 << 16;

    /** Ends the rendering of an object whose class's toString() is no longer called. */
    public static final String SKIPPED_SLOW = " <toString() skipped: slow>";

    /** How many of the program's rewritten methods the calling thread has run inside the tracer. */
    public interface ProgramCalls {
        long soFar();
    }

    private static volatile ProgramCalls programCalls = new ProgramCalls() {
        @Override
        public long soFar() {
            return 0; // nothing rewritten reports to a tracer: only the time counts
        }
    };

    /** The tracer's count of program calls; set once, when it starts. */
    public static void countProgramCallsWith(ProgramCalls counter) {
        programCalls = counter;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** What a redacted value shows. */
    public static final String REDACTED = "\"***\"";

    /** Stand-ins for a collection found inside itself, rendered as Java's own toString() does. */
    private static final Object SELF_COLLECTION = new Object();
    private static final Object SELF_MAP = new Object();
    private static final Object SELF_OBJECT = new Object();

    /**
     * Which objects are in the middle of being changed by code of their own class, on the thread
     * that renders: their {@code toString()} could loop on broken links or run past a bound that
     * the next line restores.
     */
    public interface InProgress {
        boolean isInProgress(Object value);
    }

    /** Nothing is in progress: a value rendered outside any traced call. */
    public static final InProgress NOTHING_IN_PROGRESS = new InProgress() {
        @Override
        public boolean isInProgress(Object value) {
            return false;
        }
    };

    private final int maxLength;
    /** What {@link #truncate} keeps of each end of a text longer than {@link #maxLength}. */
    private final int cutLeft;
    private final int cutRight;
    private TypeFacts lastFacts;
    /**
     * Characters rendered before a listing stops (fields, map entries, a collection that can only
     * be walked forwards): keeps huge values cheap.
     */
    private final int budget;
    /**
     * Characters rendered of each end of a long string or a sequence whose end can be reached (an
     * array, a list, a deque, a sorted set). {@link #truncate} keeps fewer than this of each end, so
     * the cut falls inside what was left out and the result is exactly PySnooper's cut of the whole
     * rendering; half of {@link #budget} is enough for that, and was a third of the cost of
     * re-rendering a whole-library trace's collections at every line.
     */
    private final int endBudget;
    /** Length of a toString() result that counts as slow (see {@link #LONG_TO_STRING_FACTOR}). */
    private final long longToString;
    private final boolean normalize;
    private final List<CustomRepr> customReprs;
    /** Field names whose values are shown as {@code ***}; null for none. */
    private final java.util.regex.Pattern redact;

    public ValueRenderer(int maxLength) {
        this(maxLength, false, List.of());
    }

    /**
     * @param normalize leave identity hashes out ({@code Foo@1b6d3586} shows as {@code Foo})
     * @param customReprs tried in order before anything else but null
     */
    public ValueRenderer(int maxLength, boolean normalize, List<CustomRepr> customReprs) {
        this(maxLength, normalize, customReprs, null);
    }

    /** @param redact names of fields whose values are hidden, or null */
    public ValueRenderer(int maxLength, boolean normalize, List<CustomRepr> customReprs,
            java.util.regex.Pattern redact) {
        this.redact = redact;
        this.maxLength = maxLength;
        this.cutLeft = (maxLength - 3) / 2;
        this.cutRight = maxLength - 3 - cutLeft;
        this.budget = maxLength > 0 ? maxLength + 16 : 100_000;
        this.endBudget = maxLength > 0 ? maxLength / 2 + 16 : 100_000;
        // no limit on a value's length: nothing built is wasted, however long
        this.longToString = maxLength > 0 ? (long) maxLength * LONG_TO_STRING_FACTOR : Long.MAX_VALUE;
        this.normalize = normalize;
        this.customReprs = List.copyOf(customReprs);
    }

    public String render(Object value) {
        return render(value, NOTHING_IN_PROGRESS);
    }

    /** @param inProgress objects whose {@code toString()} must not be called now */
    public String render(Object value, InProgress inProgress) {
        return renderChanged(value, inProgress, null, new StringBuilder());
    }

    /**
     * The rendering of {@code value}, or null when it is {@code shown}, the text last shown for it:
     * the check the tracer makes after nearly every line for every live object, which mostly finds
     * nothing changed. Built in {@code scratch}, a builder only the calling thread uses, and
     * compared in place: copying the text into a growing builder, a String and a cut String, to
     * find it equal, was 12 % of a profile of a whole-library trace.
     *
     * @param shown null when nothing was shown yet
     */
    public String renderChanged(Object value, InProgress inProgress, String shown, StringBuilder scratch) {
        scratch.setLength(0);
        try {
            append(scratch, value, 0, inProgress);
            if (normalize) {
                stripIdentityHashes(scratch);
            }
            return shown != null && cutEquals(scratch, shown) ? null : truncate(scratch);
        } finally {
            if (scratch.capacity() > MAX_SCRATCH) {
                // an unbounded rendering (max_length=0) would keep its size for the thread's life
                scratch.setLength(0);
                scratch.trimToSize();
            }
        }
    }

    /** Whether {@link #truncate} of {@code full} is {@code shown}, without building it. */
    private boolean cutEquals(CharSequence full, String shown) {
        int length = full.length();
        if (maxLength <= 0 || length <= maxLength) {
            return shown.contentEquals(full);
        }
        return shown.length() == maxLength
                && sameChars(full, 0, shown, 0, cutLeft)
                && shown.startsWith("...", cutLeft)
                && sameChars(full, length - cutRight, shown, cutLeft + 3, cutRight);
    }

    private static boolean sameChars(CharSequence a, int aFrom, String b, int bFrom, int count) {
        for (int i = 0; i < count; i++) {
            if (a.charAt(aFrom + i) != b.charAt(bFrom + i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code Foo@1b6d3586} → {@code Foo}: also inside a user's toString() output. */
    private static void stripIdentityHashes(StringBuilder sb) {
        for (int at = sb.indexOf("@"); at >= 0; at = sb.indexOf("@", at)) {
            int end = at + 1;
            while (end < sb.length() && Character.digit(sb.charAt(end), 16) >= 0) {
                end++;
            }
            boolean hash = end - at >= 2 && end - at <= 9
                    && (end == sb.length() || !Character.isLetterOrDigit(sb.charAt(end)));
            if (hash && at > 0 && Character.isJavaIdentifierPart(sb.charAt(at - 1))) {
                sb.delete(at, end);
            } else {
                at++;
            }
        }
    }

    /** {@code 'c'}, escaped like a Java char literal. */
    public static String charLiteral(char c) {
        StringBuilder sb = new StringBuilder(4).append('\'');
        escape(sb, c, '\'');
        return sb.append('\'').toString();
    }

    /** PySnooper's cut: keep both ends, {@code ...} in the middle. */
    public String truncate(CharSequence s) {
        if (maxLength <= 0 || s.length() <= maxLength) {
            return s.toString();
        }
        return s.subSequence(0, cutLeft) + "..." + s.subSequence(s.length() - cutRight, s.length());
    }

    private void append(StringBuilder sb, Object value, int depth, InProgress inProgress) {
        if (value == null) {
            sb.append("null");
        } else if (value == SELF_COLLECTION) {
            sb.append("(this Collection)");
        } else if (value == SELF_MAP) {
            sb.append("(this Map)");
        } else if (value == SELF_OBJECT) {
            sb.append("(this)");
        } else if (!customReprs.isEmpty() && appendCustom(sb, value)) {
            return;
        } else if (value instanceof String) {
            appendString(sb, (String) value);
        } else if (value instanceof Character) {
            sb.append(charLiteral((Character) value));
        } else {
            appendByType(sb, value, facts(value.getClass()), depth, inProgress);
        }
    }

    private void appendByType(StringBuilder sb, Object value, TypeFacts type, int depth, InProgress inProgress) {
        if (type.plainValue) {
            appendPlain(sb, value); // the JDK's numbers; a program's own Number goes through its toString() below
        } else if (depth > MAX_NESTING) {
            sb.append(identity(value));
        } else if (type.proxy) {
            // every method of a proxy, toString() included, runs the program's handler: a mock
            // in recording mode would record the call. Shown, never called.
            sb.append(identity(value));
        } else if (type.array) {
            appendArray(sb, value, depth, inProgress);
        } else if (type.jdkCollection) {
            appendCollection(sb, (Collection<?>) value, depth, inProgress);
        } else if (type.jdkMap) {
            appendMap(sb, (Map<?, ?>) value, depth, inProgress);
        } else if (type.isEnum) {
            sb.append(((Enum<?>) value).name());
        } else if (type.runsProgramCode() && !type.platform
                && (type.iterableOnly || inProgress.isInProgress(value))) {
            // its toString() could loop: on links its own class is rewiring, or over an endless Iterable
            if (depth == 0 && !type.hidden) {
                appendFields(sb, value, inProgress);
            } else {
                sb.append(identity(value));
            }
        } else if (type.charSequence) {
            appendCharSequence(sb, (CharSequence) value);
        } else if (type.ownToString) {
            if (type.isToStringGivenUp()) {
                sb.append(identity(value)).append(SKIPPED_SLOW);
            } else {
                appendToString(sb, value);
            }
        } else if (depth == 0 && !type.jdk && !type.hidden) {
            appendFields(sb, value, inProgress);
        } else {
            sb.append(identity(value));
        }
    }

    /** An {@code Integer} or {@code Long} as digits without a String for them; any other as its toString(). */
    private static void appendPlain(StringBuilder sb, Object value) {
        if (value instanceof Integer) {
            sb.append(((Integer) value).intValue());
        } else if (value instanceof Long) {
            sb.append(((Long) value).longValue());
        } else {
            sb.append(value);
        }
    }

    /**
     * The facts of the class rendered last, else looked up: elements of one collection, fields of
     * one class, mostly share a class. A plain field, racy by design: a TypeFacts's facts are final.
     */
    private TypeFacts facts(Class<?> type) {
        TypeFacts last = lastFacts;
        if (last == null || last.type != type) {
            last = TypeFacts.of(type);
            lastFacts = last;
        }
        return last;
    }

    /**
     * A string longer than two end budgets is rendered by its two ends only. Each end is longer
     * than what {@link #truncate} keeps of it, so the final cut falls inside the
     * omitted part and the result is exactly PySnooper's cut of the full rendering.
     */
    private void appendString(StringBuilder sb, String s) {
        sb.append('"');
        int length = s.length();
        if (length <= 2 * endBudget) {
            appendEscaped(sb, s, 0, length);
        } else {
            appendEscaped(sb, s, 0, endBudget);
            sb.append("...");
            appendEscaped(sb, s, length - endBudget, length);
        }
        sb.append('"');
    }

    /**
     * What {@link #escape} writes for each character, a string's runs of plain characters copied
     * whole: most strings have nothing to escape, and appending them char by char was the largest
     * part of rendering a collection of strings.
     */
    private static void appendEscaped(StringBuilder sb, String s, int from, int to) {
        int plain = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isPlain(c, '"')) {
                sb.append(s, plain, i);
                escape(sb, c, '"');
                plain = i + 1;
            }
        }
        sb.append(s, plain, to);
    }

    /** Whether {@link #escape} writes {@code c} as it is: the one place that decides it. */
    private static boolean isPlain(char c, char quote) {
        return c >= 0x20 && c != 0x7f && c != quote && c != '\\';
    }

    private static void escape(StringBuilder sb, char c, char quote) {
        if (isPlain(c, quote)) {
            sb.append(c);
            return;
        }
        switch (c) {
            case '\n': sb.append("\\n"); break;
            case '\r': sb.append("\\r"); break;
            case '\t': sb.append("\\t"); break;
            case '\b': sb.append("\\b"); break;
            case '\f': sb.append("\\f"); break;
            case '\\': sb.append("\\\\"); break;
            default:
                if (c == quote) {
                    sb.append('\\').append(c);
                } else {
                    sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]); // the other controls, DEL
                }
        }
    }

    private void appendArray(StringBuilder sb, Object array, int depth, InProgress inProgress) {
        if (array instanceof char[] || array instanceof int[] || array instanceof byte[] || array instanceof long[]) {
            appendPrimitiveArray(sb, array);
            return;
        }
        int length = java.lang.reflect.Array.getLength(array);
        sb.append('[');
        int shown = appendElements(sb, length, i -> java.lang.reflect.Array.get(array, i), depth, inProgress);
        if (shown < length) {
            appendTail(sb, shown, shown > 0, length, i -> java.lang.reflect.Array.get(array, i), depth, inProgress);
        }
        sb.append(']');
    }

    /**
     * The common primitive arrays without boxing each element: a char[] buffer or an int[] is
     * re-rendered at every line of a loop over it. Same text as the boxed path.
     */
    private void appendPrimitiveArray(StringBuilder sb, Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        sb.append('[');
        int head = 0;
        for (; head < length && sb.length() <= endBudget; head++) {
            if (head > 0) {
                sb.append(", ");
            }
            appendPrimitiveElement(sb, array, head);
        }
        if (head < length) {
            StringBuilder tail = new StringBuilder();
            int from = length;
            while (from > head && tail.length() <= endBudget) {
                from--;
                StringBuilder one = new StringBuilder(", ");
                appendPrimitiveElement(one, array, from);
                tail.insert(0, one);
            }
            if (from > head) {
                sb.append(head > 0 ? ", ..." : "...");
                sb.append(tail);
            } else {
                // nothing before it (the value started past the budget): no separator first
                sb.append(tail, head > 0 ? 0 : 2, tail.length());
            }
        }
        sb.append(']');
    }

    private static void appendPrimitiveElement(StringBuilder sb, Object array, int i) {
        if (array instanceof char[]) {
            char c = ((char[]) array)[i];
            sb.append('\'');
            escape(sb, c, '\'');
            sb.append('\'');
        } else if (array instanceof int[]) {
            sb.append(((int[]) array)[i]);
        } else if (array instanceof byte[]) {
            sb.append(((byte[]) array)[i]);
        } else {
            sb.append(((long[]) array)[i]);
        }
    }

    private void appendCollection(StringBuilder sb, Collection<?> collection, int depth, InProgress inProgress) {
        sb.append('[');
        try {
            if (collection instanceof List && collection instanceof RandomAccess) {
                List<?> list = (List<?>) collection;
                int size = list.size();
                Element element = i -> {
                    Object e = list.get(i);
                    return e == list ? SELF_COLLECTION : e;
                };
                int shown = appendElements(sb, size, element, depth, inProgress);
                if (shown < size) {
                    appendTail(sb, shown, shown > 0, size, element, depth, inProgress);
                }
            } else {
                Iterator<?> it = collection.iterator();
                int shown = 0;
                // without a way to its end, the front is all there is to show: a whole budget of it
                int headBudget = isReversible(collection) ? endBudget : budget;
                while (it.hasNext()) {
                    if (sb.length() > headBudget) {
                        break;
                    }
                    if (shown++ > 0) {
                        sb.append(", ");
                    }
                    Object element = it.next();
                    append(sb, element == collection ? SELF_COLLECTION : element, depth + 1, inProgress);
                }
                if (it.hasNext()) {
                    appendReverseTail(sb, collection, shown, depth, inProgress);
                }
            }
        } catch (RuntimeException e) {
            sb.append("<").append(e.getClass().getSimpleName()).append(" while iterating>");
        }
        sb.append(']');
    }

    private void appendMap(StringBuilder sb, Map<?, ?> map, int depth, InProgress inProgress) {
        sb.append('{');
        try {
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (sb.length() > budget) {
                    sb.append(", ...");
                    break;
                }
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                append(sb, e.getKey() == map ? SELF_MAP : e.getKey(), depth + 1, inProgress);
                sb.append('=');
                append(sb, e.getValue() == map ? SELF_MAP : e.getValue(), depth + 1, inProgress);
            }
        } catch (RuntimeException e) {
            sb.append("<").append(e.getClass().getSimpleName()).append(" while iterating>");
        }
        sb.append('}');
    }

    private interface Element {
        Object at(int index);
    }

    /** Elements from the front until the budget is spent; returns how many were shown. */
    private int appendElements(StringBuilder sb, int size, Element element, int depth, InProgress inProgress) {
        int i = 0;
        for (; i < size && sb.length() <= endBudget; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            append(sb, element.at(i), depth + 1, inProgress);
        }
        return i;
    }

    /**
     * The end of an ordered collection that can be walked backwards (a LinkedList, a TreeSet),
     * so that the middle cut keeps both ends; for others (hash sets) the front has to do.
     */
    private void appendReverseTail(StringBuilder sb, Collection<?> collection, int shown, int depth,
            InProgress inProgress) {
        if (!isReversible(collection)) {
            sb.append(", ...");
            return;
        }
        Iterator<?> from = collection instanceof java.util.Deque
                ? ((java.util.Deque<?>) collection).descendingIterator()
                : ((java.util.NavigableSet<?>) collection).descendingIterator();
        int size = collection.size();
        List<Object> last = new ArrayList<>(Math.max(0, Math.min(size - shown, endBudget / 4 + 2))); // all it takes
        int length = 0;
        for (int i = size - 1; i >= shown && from.hasNext() && length <= endBudget; i--) {
            Object e = from.next();
            last.add(e == collection ? SELF_COLLECTION : e);
            length += 4; // a rough floor: appendTail measures the real renderings
        }
        appendTail(sb, 0, shown > 0, last.size(), i -> last.get(last.size() - 1 - i), depth, inProgress);
    }

    /**
     * The last elements, at least an end budget's worth, so that the middle cut shows both ends of a long
     * sequence; when they reach the elements already shown, the rest is written whole, unmarked.
     */
    private void appendTail(StringBuilder sb, int shown, boolean afterHead, int size, Element element, int depth,
            InProgress inProgress) {
        // Each element is rendered on its own, as if it were the whole value: the budgets of a
        // nested value count from its own start. Last to first into one builder, the ends of the
        // renderings noted, then written first to last: no builder or String per element.
        StringBuilder one = new StringBuilder(32);
        StringBuilder backwards = new StringBuilder(Math.min(endBudget, 1024) + 32);
        int[] ends = new int[16];
        int count = 0;
        int i = size - 1;
        for (; i >= shown && backwards.length() + 2 * count <= endBudget; i--) {
            one.setLength(0);
            append(one, element.at(i), depth + 1, inProgress);
            backwards.append(one);
            if (count == ends.length) {
                ends = java.util.Arrays.copyOf(ends, 2 * count);
            }
            ends[count++] = backwards.length();
        }
        // a value that starts past the budget shows no head: nothing to separate its tail from
        boolean separate = afterHead;
        if (i >= shown) {
            sb.append(separate ? ", ..." : "...");
            separate = true;
        }
        for (int j = count - 1; j >= 0; j--) {
            if (separate) {
                sb.append(", ");
            }
            sb.append(backwards, j == 0 ? 0 : ends[j - 1], ends[j]);
            separate = true;
        }
    }

    private static boolean isReversible(Collection<?> collection) {
        return collection instanceof java.util.Deque || collection instanceof java.util.NavigableSet;
    }

    private boolean appendCustom(StringBuilder sb, Object value) {
        for (CustomRepr repr : customReprs) {
            if (repr.appliesTo(value)) {
                sb.append(repr.render(value));
                return true;
            }
        }
        return false;
    }

    /**
     * A builder or buffer (StringBuilder, a library's text builder) shows its text as its
     * toString() would, but read through {@code charAt} at both ends only: its toString() copies
     * everything, which on a huge buffer rendered at every line makes a loop quadratic.
     */
    private void appendCharSequence(StringBuilder sb, CharSequence value) {
        try {
            // subSequence copies the part in one call: charAt by charAt would be hundreds of calls,
            // each into a class that may itself be traced
            int length = value.length();
            if (length <= 2 * endBudget) {
                appendWithoutBreaks(sb, value.subSequence(0, length).toString(), 0, length);
            } else {
                appendWithoutBreaks(sb, value.subSequence(0, endBudget).toString(), 0, endBudget);
                sb.append("...");
                appendWithoutBreaks(sb, value.subSequence(length - endBudget, length).toString(), 0, endBudget);
            }
        } catch (Throwable t) {
            sb.append("<").append(t.getClass().getSimpleName()).append(" while reading>");
        }
    }

    private void appendToString(StringBuilder sb, Object value) {
        String s;
        ProgramCalls calls = programCalls;
        long callsBefore = calls.soFar();
        long start = System.nanoTime();
        try {
            s = value.toString();
            if (System.nanoTime() - start > SLOW_TO_STRING_NANOS
                    || calls.soFar() - callsBefore > HEAVY_TO_STRING_CALLS
                    || (s != null && s.length() > longToString)) {
                TypeFacts.of(value.getClass()).noteSlowToString(SLOW_TIMES);
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError) {
                // It ran out of heap or stack: calling it again at every line would fill the heap
                // again each time (a toString() of a half-changed linked structure, that loops).
                TypeFacts.of(value.getClass()).giveUpToString();
            }
            sb.append("<toString() threw ").append(t.getClass().getName());
            String message = safeMessage(t);
            if (message != null) {
                sb.append(": ").append(message);
            }
            sb.append('>');
            return;
        }
        if (s == null) {
            sb.append("null");
            return;
        }
        // PySnooper drops line breaks so that one value stays on one line.
        if (s.length() <= 2 * endBudget) {
            appendWithoutBreaks(sb, s, 0, s.length());
        } else {
            appendWithoutBreaks(sb, s, 0, endBudget);
            sb.append("...");
            appendWithoutBreaks(sb, s, s.length() - endBudget, s.length());
        }
    }

    private static void appendWithoutBreaks(StringBuilder sb, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
    }

    /**
     * {@code Order{id=5, total=12.5}}: more useful than {@code Order@1b6d3586}; a record
     * {@code Range[low=2, high=9]}, its own toString()'s text without running it.
     */
    private void appendFields(StringBuilder sb, Object value, InProgress inProgress) {
        FieldShape shape = FIELD_SHAPES.get(value.getClass());
        if (shape.name == null) {
            sb.append(identity(value)); // a nested class loaded without its outer one: no simple name
            return;
        }
        sb.append(shape.name).append(shape.record ? '[' : '{');
        try {
            Field[] fields = shape.fields;
            boolean[] redacted = redact == null ? null : shape.fieldNames.hiddenBy(redact);
            for (int i = 0; i < fields.length; i++) {
                if (i == MAX_FIELDS || sb.length() > budget) {
                    sb.append(", ...");
                    return;
                }
                if (i > 0) {
                    sb.append(", ");
                }
                Field field = fields[i];
                sb.append(field.getName()).append('=');
                if (redacted != null && redacted[i]) {
                    sb.append(REDACTED);
                    continue;
                }
                Object fieldValue = field.get(value);
                append(sb, fieldValue == value ? SELF_OBJECT : fieldValue, 1, inProgress);
            }
        } catch (Throwable t) {
            sb.append("<fields unreadable: ").append(t.getClass().getSimpleName()).append('>');
        } finally {
            sb.append(shape.record ? ']' : '}');
        }
    }

    /**
     * What {@link #appendFields} shows of a class — its simple name and its readable instance
     * fields, subclass first — worked out once per class: looking them up and opening them at
     * every rendering was the hottest spot of a whole-library trace.
     */
    private static final class FieldShape {
        final String name;
        final Field[] fields;

        /** A record shows as its generated toString() would: {@code Range[low=2, high=9]}. */
        final boolean record;

        /** Which fields a redact pattern hides. */
        final RedactedNames fieldNames;

        FieldShape(String name, Field[] fields, boolean record) {
            this.record = record;
            this.name = name;
            this.fields = fields;
            String[] names = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                names[i] = fields[i].getName();
            }
            this.fieldNames = new RedactedNames(names);
        }
    }

    private static final ClassValue<FieldShape> FIELD_SHAPES = new ClassValue<>() {
        @Override
        protected FieldShape computeValue(Class<?> type) {
            String name;
            try {
                String simple = type.getSimpleName(); // throws for a nested class loaded without its outer one
                name = simple.isEmpty() ? type.getName().substring(type.getName().lastIndexOf('.') + 1) : simple;
            } catch (Throwable t) {
                return new FieldShape(null, new Field[0], false);
            }
            List<Field> fields = new ArrayList<>();
            try {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic() && field.trySetAccessible()) {
                            fields.add(field);
                        }
                    }
                }
            } catch (Throwable t) {
                // a field type that can't be resolved: show the fields found so far
            }
            return new FieldShape(name, fields.toArray(new Field[0]), type.isRecord());
        }
    };

    public static String identity(Object value) {
        return TypeFacts.of(value.getClass()).name + "@" + Integer.toHexString(System.identityHashCode(value));
    }

    /** A throwable's message, or null; never throws, even if getMessage() does. */
    public static String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable ignored) {
            return "<getMessage() threw " + ignored.getClass().getName() + ">";
        }
    }
}
