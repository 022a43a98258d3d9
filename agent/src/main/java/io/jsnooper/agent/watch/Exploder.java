package io.jsnooper.agent.watch;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * PySnooper's {@code watch_explode}: a value and its parts — record components, object fields,
 * array and list elements, map entries — each reported under its own name.
 */
public final class Exploder {

    /** Parts shown per value; the rest of a long list is not exploded. */
    static final int MAX_PARTS = 32;

    private Exploder() {
    }

    /**
     * Calls {@code sink} with ({@code label}, value) and then with each part: {@code label.field},
     * {@code label[i]}, {@code label["key"]}.
     *
     * @param renderKey renders a map key the way the trace shows values
     */
    public static void explode(String label, Object value, Function<Object, String> renderKey,
            BiConsumer<String, Object> sink) {
        sink.accept(label, value);
        if (value == null) {
            return;
        }
        Class<?> type = value.getClass();
        try {
            if (type.isArray()) {
                for (int i = 0, n = Math.min(Array.getLength(value), MAX_PARTS); i < n; i++) {
                    sink.accept(label + "[" + i + "]", Array.get(value, i));
                }
            } else if (value instanceof List) {
                int i = 0;
                for (Iterator<?> it = ((List<?>) value).iterator(); it.hasNext() && i < MAX_PARTS; i++) {
                    sink.accept(label + "[" + i + "]", it.next());
                }
            } else if (value instanceof Map) {
                int i = 0;
                for (Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
                        it.hasNext() && i < MAX_PARTS; i++) {
                    Map.Entry<?, ?> e = it.next();
                    sink.accept(label + "[" + renderKey.apply(e.getKey()) + "]", e.getValue());
                }
            } else if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    java.lang.reflect.Method accessor = component.getAccessor();
                    if (accessor.trySetAccessible()) {
                        sink.accept(label + "." + component.getName(), accessor.invoke(value));
                    }
                }
            } else if (!type.getName().startsWith("java.")) {
                int shown = 0;
                for (Class<?> c = type; c != null && c != Object.class && shown < MAX_PARTS; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()
                                && field.trySetAccessible() && shown++ < MAX_PARTS) {
                            sink.accept(label + "." + field.getName(), field.get(value));
                        }
                    }
                }
            }
        } catch (Throwable t) {
            sink.accept(label + ".<parts>", new WatchEvaluator.Failure(t.getClass().getSimpleName()));
        }
    }
}
