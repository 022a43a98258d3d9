package io.jsnooper.agent.output;

import java.lang.reflect.Method;

/**
 * An application's {@code io.jsnooper.Repr} implementation, used through reflection: the agent
 * lives in another class loader and can't name the application's copy of the interface.
 */
public final class CustomRepr {

    private final String name;
    private final Class<?> type;
    private final Object instance;
    private final Method render;

    private CustomRepr(String name, Class<?> type, Object instance, Method render) {
        this.name = name;
        this.type = type;
        this.instance = instance;
        this.render = render;
    }

    /** Loads and instantiates {@code className}; null (after one warning) when that fails. */
    public static CustomRepr load(String className, ClassLoader loader) {
        try {
            Class<?> implementation = Class.forName(className, true, loader);
            java.lang.reflect.Constructor<?> constructor = implementation.getDeclaredConstructor();
            constructor.trySetAccessible();
            Object instance = constructor.newInstance();
            Method typeMethod = implementation.getMethod("type");
            typeMethod.trySetAccessible();
            Class<?> type = (Class<?>) typeMethod.invoke(instance);
            Method render = implementation.getMethod("render", Object.class);
            render.trySetAccessible();
            return new CustomRepr(className, type, instance, render);
        } catch (Throwable t) {
            Diagnostics.warnOnce("repr:" + className, "customRepr " + className
                    + " can't be used (" + t + "); it needs a public no-argument constructor and to implement io.jsnooper.Repr");
            return null;
        }
    }

    boolean appliesTo(Object value) {
        return type.isInstance(value);
    }

    String render(Object value) {
        try {
            Object text = render.invoke(instance, value);
            return String.valueOf(text);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return "<" + name + " threw " + e.getCause().getClass().getName() + ">";
        } catch (Throwable t) {
            return "<" + name + " failed: " + t.getClass().getSimpleName() + ">";
        }
    }
}
