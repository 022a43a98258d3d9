package io.jsnooper;

/**
 * A custom rendering for values of one type, used by {@code @Snoop(customRepr = ...)} before the
 * value's own {@code toString()}: PySnooper's {@code custom_repr}.
 *
 * <pre>{@code
 * public final class MoneyRepr implements Repr<Money> {
 *     public Class<Money> type() { return Money.class; }
 *     public String render(Money m) { return m.cents() / 100 + "." + m.cents() % 100 + " EUR"; }
 * }
 * }</pre>
 *
 * @param <T> the type it renders (subtypes included)
 */
public interface Repr<T> {

    /** The values this renders: instances of this type or its subtypes. */
    Class<T> type();

    /** The text shown for {@code value}; it is cut to {@code maxVariableLength} like any other. */
    String render(T value);
}
