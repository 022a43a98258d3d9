package io.jsnooper.agent.match;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.config.SnoopSettings;
import io.jsnooper.agent.config.TraceKind;
import io.jsnooper.agent.output.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Decides which methods of a class are snooped, from the class bytes alone: {@code @Snoop} is
 * matched by its descriptor, never loaded, because the application's copy and ours may come from
 * different loaders and loading inside a transformer invites ClassCircularityError.
 */
public final class SnoopMatcher {

    public static final String SNOOP_DESCRIPTOR = "Lio/jsnooper/Snoop;";
    private static final byte[] SNOOP_DESCRIPTOR_BYTES = SNOOP_DESCRIPTOR.getBytes(StandardCharsets.ISO_8859_1);

    private volatile AgentOptions options;
    private volatile IncludeRules includes;

    public SnoopMatcher(AgentOptions options) {
        this.options = options;
        this.includes = IncludeRules.of(options);
    }

    /** Replaces the options that set every {@code @Snoop}'s defaults (an attach to an attached agent does). */
    public void setOptions(AgentOptions options) {
        this.options = options;
    }

    /** Replaces the include/exclude patterns (attach does); classes loaded from now on see the new ones. */
    public void setIncludes(IncludeRules rules) {
        this.includes = rules;
    }

    public IncludeRules includes() {
        return includes;
    }

    /** Whether a class's name alone makes it worth parsing: an include pattern names it. */
    public boolean isIncluded(String internalName) {
        IncludeRules rules = includes;
        return !rules.isEmpty() && rules.matchesClass(internalName);
    }

    /** A method to rewrite and how. */
    public static final class Selection {
        public final SnoopSettings settings;
        public final TraceKind kind;
        /** Levels of calls this method's trace reaches, itself included (its depth). */
        final int levels;

        Selection(SnoopSettings settings, TraceKind kind, int levels) {
            this.settings = settings;
            this.kind = kind;
            this.levels = levels;
        }
    }

    /**
     * A cheap pre-filter on the raw class file: a class that uses {@code @Snoop} anywhere has its
     * descriptor as an entry of its constant pool. Most classes are rejected here without being parsed.
     */
    public static boolean mentionsSnoop(byte[] classFile) {
        int found = findUtf8Constant(classFile, SNOOP_DESCRIPTOR_BYTES);
        if (found >= 0) {
            return found == 1;
        }
        // not a constant pool this walk knows (a future tag, truncated bytes): search every byte
        return new String(classFile, 0, classFile.length, StandardCharsets.ISO_8859_1).indexOf(SNOOP_DESCRIPTOR) >= 0;
    }

    /**
     * Hops from entry to entry of the constant pool (JVMS 4.4), comparing only the UTF-8 entries as
     * long as {@code utf8}: some 70 entries for a small class rather than its 1,000 bytes. This runs
     * for every class the program loads, the first few hundred of them interpreted: searching every
     * byte, even with {@code String.indexOf}, took ~2.8× as long over 5,000 small classes in a
     * fresh JVM (medians of 11: 25.7 against 9.2 ms; docs/performance.md, "Start-up").
     *
     * @return 1 if an entry equals {@code utf8}, 0 if none does, -1 if the bytes are not a class
     *     file's constant pool as this walk knows it
     */
    private static int findUtf8Constant(byte[] c, byte[] utf8) {
        if (c.length < 10 || c[0] != (byte) 0xCA || c[1] != (byte) 0xFE || c[2] != (byte) 0xBA || c[3] != (byte) 0xBE) {
            return -1;
        }
        int count = u2(c, 8);
        int p = 10;
        for (int i = 1; i < count; i++) {
            if (p >= c.length) {
                return -1;
            }
            switch (c[p]) {
                case 1: // Utf8: u2 length, then the bytes
                    if (p + 3 > c.length) {
                        return -1;
                    }
                    int length = u2(c, p + 1);
                    if (length == utf8.length && p + 3 + length <= c.length && equalAt(c, p + 3, utf8)) {
                        return 1;
                    }
                    p += 3 + length;
                    break;
                case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                    p += 3;
                    break;
                case 15: // MethodHandle
                    p += 4;
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    p += 5; // Integer, Float, the three refs, NameAndType, Dynamic, InvokeDynamic
                    break;
                case 5: case 6: // Long and Double take two entries
                    p += 9;
                    i++;
                    break;
                default:
                    return -1;
            }
        }
        return p <= c.length ? 0 : -1;
    }

    private static int u2(byte[] c, int at) {
        return ((c[at] & 0xFF) << 8) | (c[at + 1] & 0xFF);
    }

    private static boolean equalAt(byte[] c, int at, byte[] expected) {
        for (int k = 0; k < expected.length; k++) {
            if (c[at + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    /** The snooped methods of {@code type}, in declaration order, with their merged settings. */
    public Map<MethodNode, Selection> select(ClassNode type) {
        Map<MethodNode, Selection> selected = new LinkedHashMap<>();
        AnnotationNode onType = find(type.visibleAnnotations);
        for (MethodNode method : type.methods) {
            if (!isTraceable(method)) {
                continue;
            }
            AnnotationNode onMethod = find(method.visibleAnnotations);
            if (onMethod == null && (onType == null || "<clinit>".equals(method.name))) {
                continue;
            }
            SnoopSettings settings = settings(type, method, onType, onMethod);
            selected.put(method, new Selection(settings, TraceKind.SNOOPED, settings.depth));
        }
        SnoopSettings enclosing = EnclosingRegistry.enclosing(type.outerClass, type.outerMethod, type.outerMethodDesc);
        if (enclosing != null) {
            // an anonymous or local class written inside a traced method: part of its calls
            SnoopSettings nested = enclosing.with(SnoopSettings.WATCH, List.of())
                    .with(SnoopSettings.WATCH_EXPLODE, List.of());
            for (MethodNode method : type.methods) {
                if (!selected.containsKey(method) && isTraceable(method) && !method.name.startsWith("<")) {
                    selected.put(method, new Selection(nested, TraceKind.LAMBDA, nested.depth));
                }
            }
        }
        IncludeRules rules = includes;
        if (!rules.isEmpty() && rules.matchesClass(type.name)) {
            for (MethodNode method : type.methods) {
                if (!selected.containsKey(method) && isTraceable(method) && !"<clinit>".equals(method.name)
                        && rules.matches(type.name, method.name, method.desc)) {
                    selected.put(method, new Selection(rules.settings, TraceKind.SNOOPED, rules.settings.depth));
                }
            }
        }
        addLambdaBodies(type, selected);
        // Calls into this same class are the commonest callees: settle them in this pass, before the
        // class is defined, rather than by a retransformation that could run too early to see it.
        Set<MethodNode> registered = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<MethodNode, Selection> e : new ArrayList<>(selected.entrySet())) {
                if (e.getValue().levels > 1 && registered.add(e.getKey())) {
                    registerCallees(type.name, e.getKey(), e.getValue().levels - 1);
                }
            }
            Map<String, Integer> callees = CalleeRegistry.calleesOf(type.name, type.superName, type.interfaces);
            if (callees != null) {
                for (MethodNode method : type.methods) {
                    Integer levels = callees.get(method.name + method.desc);
                    if (levels != null && !selected.containsKey(method) && isTraceable(method)) {
                        selected.put(method, new Selection(options.snoopDefaults(), TraceKind.CALLEE, levels));
                        grew = true;
                    }
                }
            }
            if (grew) {
                addLambdaBodies(type, selected);
            }
        }
        for (Map.Entry<MethodNode, Selection> e : selected.entrySet()) {
            EnclosingRegistry.record(type.name, e.getKey().name, e.getKey().desc, e.getValue().settings);
        }
        return selected;
    }

    /** The methods a traced method calls get traced one level deeper, outside the JDK. */
    private static void registerCallees(String self, MethodNode method, int levels) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode) {
                MethodInsnNode call = (MethodInsnNode) insn;
                if (!call.owner.startsWith("[") && !isPlatform(call.owner)) {
                    CalleeRegistry.register(call.owner, call.name, call.desc, levels, !call.owner.equals(self));
                }
            }
        }
    }

    /** JDK packages, whose methods are never traced as callees, and our own. */
    public static boolean isPlatform(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/")
                || internalName.startsWith("jdk/") || internalName.startsWith("sun/")
                || internalName.startsWith("com/sun/") || internalName.startsWith("io/jsnooper/agent/")
                || internalName.startsWith("io/jsnooper/runtime/") || internalName.startsWith("io/jsnooper/shaded/");
    }

    /** Lambda bodies are synthetic methods of the same class; they run as part of the snooped call. */
    private static void addLambdaBodies(ClassNode type, Map<MethodNode, Selection> selected) {
        List<MethodNode> work = new ArrayList<>(selected.keySet());
        while (!work.isEmpty()) {
            MethodNode host = work.remove(work.size() - 1);
            // watches name the host's variables: they mean nothing inside the lambda's own frame
            Selection hostSelection = selected.get(host);
            SnoopSettings settings = hostSelection.settings
                    .with(SnoopSettings.WATCH, List.of()).with(SnoopSettings.WATCH_EXPLODE, List.of());
            for (AbstractInsnNode insn : host.instructions) {
                if (!(insn instanceof InvokeDynamicInsnNode)) {
                    continue;
                }
                for (Object arg : ((InvokeDynamicInsnNode) insn).bsmArgs) {
                    if (!(arg instanceof Handle)) {
                        continue;
                    }
                    Handle handle = (Handle) arg;
                    if (!handle.getOwner().equals(type.name) || !handle.getName().startsWith("lambda$")) {
                        continue;
                    }
                    MethodNode body = findMethod(type, handle.getName(), handle.getDesc());
                    if (body != null && !selected.containsKey(body) && body.instructions.size() > 0) {
                        selected.put(body, new Selection(settings, TraceKind.LAMBDA, hostSelection.levels));
                        work.add(body);
                    }
                }
            }
        }
    }

    private static MethodNode findMethod(ClassNode type, String name, String desc) {
        for (MethodNode m : type.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private SnoopSettings settings(ClassNode type, MethodNode method, AnnotationNode onType, AnnotationNode onMethod) {
        SnoopSettings settings = options.snoopDefaults();
        settings = apply(settings, onType, type, method);
        settings = apply(settings, onMethod, type, method);
        String forced = options.output();
        return forced == null ? settings : settings.with(SnoopSettings.OUTPUT, forced);
    }

    /** Applies the elements the annotation sets explicitly (a class file records only those). */
    private static SnoopSettings apply(SnoopSettings settings, AnnotationNode snoop, ClassNode type, MethodNode method) {
        if (snoop == null || snoop.values == null) {
            return settings;
        }
        Object value = null;
        Object output = null;
        for (int i = 0; i + 1 < snoop.values.size(); i += 2) {
            String name = (String) snoop.values.get(i);
            Object raw = plain(snoop.values.get(i + 1));
            if (name.equals("value")) {
                value = raw;
                continue;
            }
            if (name.equals(SnoopSettings.OUTPUT)) {
                output = raw;
                continue;
            }
            settings = applyOne(settings, name, raw, type, method);
        }
        Object chosen = output != null && !"".equals(output) ? output : value;
        if (chosen != null && !"".equals(chosen)) {
            settings = applyOne(settings, SnoopSettings.OUTPUT, chosen, type, method);
        }
        return settings;
    }

    private static SnoopSettings applyOne(SnoopSettings settings, String name, Object value, ClassNode type,
            MethodNode method) {
        try {
            return settings.with(name, value);
        } catch (IllegalArgumentException e) {
            Diagnostics.warn("@Snoop on " + type.name.replace('/', '.') + "." + method.name + ": "
                    + e.getMessage() + "; the default is used");
            return settings;
        }
    }

    /** ASM's annotation values as {@link SnoopSettings#with} takes them. */
    private static Object plain(Object value) {
        if (value instanceof String[]) {
            return ((String[]) value)[1]; // an enum constant: {descriptor, name}
        }
        if (value instanceof Type) {
            return ((Type) value).getInternalName();
        }
        if (value instanceof List) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(plain(item));
            }
            return items;
        }
        return value;
    }

    private static AnnotationNode find(List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (SNOOP_DESCRIPTOR.equals(a.desc)) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Methods with code that a user wrote: not abstract or native, not bridges or synthetic. */
    private static boolean isTraceable(MethodNode method) {
        int skip = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC;
        return (method.access & skip) == 0;
    }
}
