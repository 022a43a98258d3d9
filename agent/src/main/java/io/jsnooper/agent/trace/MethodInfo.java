package io.jsnooper.agent.trace;

import io.jsnooper.agent.config.SnoopSettings;
import io.jsnooper.agent.config.TraceKind;
import io.jsnooper.agent.output.RedactedNames;
import io.jsnooper.agent.output.SourceLines;
import io.jsnooper.agent.watch.WatchExpression;
import java.lang.ref.WeakReference;
import java.util.List;

/**
 * Everything static about one snooped method, computed once when its class is rewritten: names,
 * the variable table the store probes index into, and what each line probe stands for. The
 * rewritten code passes only small int ids; the tracer resolves them here.
 */
public final class MethodInfo {

    /** Render kinds: the JVM descriptor letter of a variable, {@code 'L'} for every reference. */
    public static final char KIND_REFERENCE = 'L';

    /** What the rewriter found in the method's code. */
    public static final class Code {
        public String[] varNames;
        public String[] varDescriptors;
        public int[] probeLines;
        public int[][] probeLiveReferences;
        public boolean[] probeJumpOnly;
        public boolean[] probeRearm;
        /** Per probe: the code after it, up to the next probe, may change an object in place. */
        public boolean[] probeMutates;
        /** Classes whose instance fields the method writes directly (dotted names). */
        public String[] fieldOwners = new String[0];
        public int firstLine;
        public boolean hasLocalNames;
        public boolean isStatic;
        public boolean isConstructor;
        public String returnDescriptor;
    }

    final int id;
    final String className;
    final String internalClassName;
    final String methodName;
    final String sourceFileName;
    final boolean isStatic;
    final boolean isConstructor;
    final boolean hasLocalNames;
    final String[] varNames;
    /** The variable holding {@code this}, or -1 in a static method. */
    final int thisVar;
    /** Classes whose instance fields this method writes: their objects may be half-changed while it runs. */
    final String[] fieldOwners;
    final char[] varKinds;
    /** For each variable: true when its value can change in place and must be re-rendered. */
    final boolean[] varMutable;
    final int[] probeLines;
    final int[][] probeLiveReferences;
    final boolean[] probeJumpOnly;
    final boolean[] probeRearm;
    /** Per probe: object variables must be re-rendered at the next line (see MutationScan). */
    final boolean[] probeMutates;
    final int firstLine;
    final char returnKind;
    final SnoopSettings settings;
    /** Snooped on its own, or only as part of a traced call (a lambda body, a callee within depth). */
    final TraceKind kind;
    final List<WatchExpression> watches;
    final List<WatchExpression> explodes;
    private final WeakReference<ClassLoader> loader;

    /** Filled on first call: the source file's lines, or the "unavailable" marker. */
    volatile SourceLines source;
    /**
     * Per probe: a jump-only probe whose line is a closing brace, where no line event is shown.
     * Decided once the source is known (set before {@link #source}, so whoever sees the source
     * sees this), instead of re-reading the line at every loop round.
     */
    boolean[] probeSilent;
    /** Filled on first call: the line the {@code call} event shows. */
    volatile int callLine = Integer.MIN_VALUE;
    /** Filled on first call: where and how this method's trace is written. */
    volatile MethodOutput output;
    /**
     * Which of {@link #varNames} a redact pattern hides. Per pattern text, not per output: a lambda
     * body or callee writes with its caller's output, and callers with different outputs made it
     * recompute at every call.
     */
    private final RedactedNames redactedNames;

    public MethodInfo(int id, String internalClassName, String methodName, String sourceFileName, Code code,
            SnoopSettings settings, TraceKind kind, ClassLoader loader, List<WatchExpression> watches,
            List<WatchExpression> explodes) {
        this.id = id;
        this.internalClassName = internalClassName;
        this.className = internalClassName.replace('/', '.');
        this.methodName = methodName;
        this.sourceFileName = sourceFileName;
        this.isStatic = code.isStatic;
        this.isConstructor = code.isConstructor;
        this.hasLocalNames = code.hasLocalNames;
        this.varNames = code.varNames;
        this.redactedNames = new RedactedNames(code.varNames);
        this.thisVar = code.isStatic ? -1 : java.util.Arrays.asList(code.varNames).indexOf("this");
        this.fieldOwners = code.fieldOwners;
        this.varKinds = new char[code.varDescriptors.length];
        this.varMutable = new boolean[code.varDescriptors.length];
        for (int i = 0; i < code.varDescriptors.length; i++) {
            varKinds[i] = kindOf(code.varDescriptors[i]);
            varMutable[i] = varKinds[i] == KIND_REFERENCE && !isImmutable(code.varDescriptors[i]);
        }
        this.probeLines = code.probeLines;
        this.probeLiveReferences = code.probeLiveReferences;
        this.probeJumpOnly = code.probeJumpOnly;
        this.probeRearm = code.probeRearm;
        this.probeMutates = code.probeMutates;
        this.firstLine = code.firstLine;
        this.returnKind = kindOf(code.returnDescriptor);
        this.settings = settings;
        this.kind = kind;
        this.loader = new WeakReference<>(loader);
        this.watches = List.copyOf(watches);
        this.explodes = List.copyOf(explodes);
    }

    public int id() {
        return id;
    }

    public String className() {
        return className;
    }

    public String methodName() {
        return methodName;
    }

    public SnoopSettings settings() {
        return settings;
    }

    ClassLoader loader() {
        return loader.get();
    }

    /** The name the trace and diagnostics use: {@code com.acme.Order.place} or {@code Order.<init>}. */
    public String displayName() {
        return className + "." + methodName;
    }

    /** Reads this method's source file, once, and what it decides about the line probes. */
    void loadSource(SourceLines lines) {
        boolean[] silent = new boolean[probeLines.length];
        for (int i = 0; i < silent.length; i++) {
            silent[i] = probeJumpOnly[i] && lines.isClosingBrace(probeLines[i]);
        }
        probeSilent = silent;
        source = lines;
    }

    /** The name a declaration line contains: the method's, or the class's for a constructor. */
    String declaredName() {
        if (isConstructor) {
            String simple = internalClassName.substring(internalClassName.lastIndexOf('/') + 1);
            return simple.substring(simple.lastIndexOf('$') + 1);
        }
        if (methodName.startsWith("lambda$") || methodName.equals("<clinit>")) {
            return null;
        }
        return methodName;
    }

    /** Which variables {@code output} hides; computed once per redact pattern, not per call. */
    boolean[] redactedVariables(MethodOutput output) {
        return redactedNames.hiddenBy(output.redact());
    }

    static char kindOf(String descriptor) {
        char c = descriptor.charAt(0);
        return c == '[' ? KIND_REFERENCE : c;
    }

    /** Types whose rendering can't change while a local holds the same reference. */
    private static boolean isImmutable(String descriptor) {
        switch (descriptor) {
            case "Ljava/lang/String;":
            case "Ljava/lang/Integer;":
            case "Ljava/lang/Long;":
            case "Ljava/lang/Short;":
            case "Ljava/lang/Byte;":
            case "Ljava/lang/Character;":
            case "Ljava/lang/Boolean;":
            case "Ljava/lang/Double;":
            case "Ljava/lang/Float;":
            case "Ljava/math/BigDecimal;":
            case "Ljava/math/BigInteger;":
            case "Ljava/lang/Class;":
            case "Ljava/time/LocalDate;":
            case "Ljava/time/LocalDateTime;":
            case "Ljava/time/Instant;":
            case "Ljava/time/Duration;":
                return true;
            default:
                return false;
        }
    }
}
