package io.jsnooper.agent.watch;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Evaluates {@link WatchExpression}s with reflection. Never throws: a failure becomes a
 * {@link Failure} the trace shows as {@code <error: NullPointerException>}, and a root that has no
 * value yet is {@link WatchScope#ABSENT} (nothing is shown until it has one).
 */
public final class WatchEvaluator {

    /** A value that could not be computed, and why. */
    public static final class Failure {
        public final String reason;

        Failure(String reason) {
            this.reason = reason;
        }

        @Override
        public String toString() {
            return "<error: " + reason + ">";
        }
    }

    private WatchEvaluator() {
    }

    public static Object evaluate(WatchExpression expression, WatchScope scope) {
        try {
            List<WatchExpression.Step> steps = expression.steps();
            int next = 0;
            Object value;
            String root = expression.root();
            if (root.equals("this")) {
                value = scope.self();
                if (value == null) {
                    return new Failure("no `this` in a static method");
                }
            } else {
                value = scope.local(root);
                if (value == WatchScope.ABSENT) {
                    return WatchScope.ABSENT;
                }
                if (value == WatchScope.UNKNOWN) {
                    Object self = scope.self();
                    Field field = self == null ? null : findField(self.getClass(), root);
                    if (field != null && !Modifier.isStatic(field.getModifiers())) {
                        value = field.get(self);
                    } else {
                        // Config.LIMIT, com.acme.Config.LIMIT, Outer.Nested.X: the longest prefix that is a class
                        Class<?> type = null;
                        StringBuilder name = new StringBuilder(root);
                        int consumed = 0;
                        for (int k = 0; ; k++) {
                            Class<?> found = findClass(name.toString(), scope);
                            if (found != null) {
                                type = found;
                                consumed = k;
                            }
                            if (k >= steps.size() || steps.get(k).kind != WatchExpression.Step.Kind.FIELD) {
                                break;
                            }
                            name.append('.').append(steps.get(k).name);
                        }
                        if (type == null || consumed >= steps.size()) {
                            return new Failure("cannot resolve '" + root + "'");
                        }
                        WatchExpression.Step member = steps.get(consumed);
                        value = member.kind == WatchExpression.Step.Kind.CALL
                                ? invoke(null, type, member) : staticField(type, member.name);
                        next = consumed + 1;
                    }
                }
            }
            for (int i = next; i < steps.size(); i++) {
                value = apply(value, steps.get(i));
            }
            return value;
        } catch (InvocationTargetException e) {
            return new Failure(e.getCause().getClass().getSimpleName());
        } catch (Throwable t) {
            return new Failure(t.getClass().getSimpleName() + (t instanceof NoSuchFieldException
                    || t instanceof NoSuchMethodException ? " " + t.getMessage() : ""));
        }
    }

    private static Object apply(Object value, WatchExpression.Step step) throws Exception {
        if (value == null) {
            throw new NullPointerException();
        }
        switch (step.kind) {
            case FIELD:
                if (value.getClass().isArray() && step.name.equals("length")) {
                    return Array.getLength(value);
                }
                Field field = findField(value.getClass(), step.name);
                if (field == null) {
                    throw new NoSuchFieldException(step.name);
                }
                return field.get(Modifier.isStatic(field.getModifiers()) ? null : value);
            case INDEX:
                if (!(step.argument instanceof Integer)) {
                    throw new IllegalArgumentException("index");
                }
                int index = (Integer) step.argument;
                if (value.getClass().isArray()) {
                    return Array.get(value, index);
                }
                if (value instanceof List) {
                    return ((List<?>) value).get(index);
                }
                throw new ClassCastException(value.getClass().getName() + " is not indexable");
            default:
                return invoke(value, value.getClass(), step);
        }
    }

    private static Object invoke(Object target, Class<?> type, WatchExpression.Step step) throws Exception {
        boolean noArgument = step.argument == WatchExpression.NO_ARGUMENT;
        Method method = findMethod(type, step.name, noArgument ? 0 : 1, step.argument);
        if (method == null) {
            throw new NoSuchMethodException(step.name + (noArgument ? "()" : "(1 argument)"));
        }
        return noArgument ? method.invoke(target) : method.invoke(target, step.argument);
    }

    /** A public method callable from outside, found on a public supertype when the class itself isn't. */
    private static Method findMethod(Class<?> type, String name, int arity, Object argument) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method m = matching(c, name, arity, argument);
            if (m != null) {
                return m;
            }
            for (Class<?> i : c.getInterfaces()) {
                m = matching(i, name, arity, argument);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    private static Method matching(Class<?> c, String name, int arity, Object argument) {
        for (Method m : c.getDeclaredMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != arity) {
                continue;
            }
            if (arity == 1 && !accepts(m.getParameterTypes()[0], argument)) {
                continue;
            }
            boolean reachable = Modifier.isPublic(m.getModifiers()) && Modifier.isPublic(c.getModifiers())
                    && c.getModule().isExported(c.getPackageName());
            if (reachable || m.trySetAccessible()) {
                return m;
            }
        }
        return null;
    }

    private static boolean accepts(Class<?> parameter, Object argument) {
        if (argument == null) {
            return !parameter.isPrimitive();
        }
        if (parameter.isPrimitive()) {
            return (parameter == int.class && argument instanceof Integer)
                    || (parameter == long.class && (argument instanceof Long || argument instanceof Integer))
                    || (parameter == char.class && argument instanceof Character)
                    || (parameter == boolean.class && argument instanceof Boolean);
        }
        return parameter.isInstance(argument);
    }

    static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                return field.trySetAccessible() ? field : null;
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            }
        }
        return null;
    }

    private static Object staticField(Class<?> type, String name) throws Exception {
        Field field = findField(type, name);
        if (field == null || !Modifier.isStatic(field.getModifiers())) {
            throw new NoSuchFieldException(name);
        }
        return field.get(null);
    }

    private static Class<?> findClass(String dotted, WatchScope scope) {
        String own = scope.className();
        int lastDot = own.lastIndexOf('.');
        String[] candidates = {
            dotted,
            lastDot < 0 ? dotted : own.substring(0, lastDot + 1) + dotted,
            own + "$" + dotted.replace('.', '$'),
            "java.lang." + dotted,
        };
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate, false, scope.loader());
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next spelling
            }
        }
        return null;
    }
}
