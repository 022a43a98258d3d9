package io.jsnooper.agent.match;

import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.config.SnoopSettings;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Decides which methods of a class are snooped, from the class bytes alone: {@code @Snoop} is
 * matched by its descriptor, never loaded, because the application's copy and ours may come from
 * different loaders and loading inside a transformer invites ClassCircularityError.
 */
public final class SnoopMatcher {

    public static final String SNOOP_DESCRIPTOR = "Lio/jsnooper/Snoop;";
    private static final byte[] SNOOP_BYTES = SNOOP_DESCRIPTOR.getBytes(StandardCharsets.US_ASCII);

    private final AgentOptions options;

    public SnoopMatcher(AgentOptions options) {
        this.options = options;
    }

    /**
     * A cheap pre-filter on the raw class file: a class that uses {@code @Snoop} anywhere has its
     * descriptor in the constant pool. Most classes are rejected here without being parsed.
     */
    public static boolean mentionsSnoop(byte[] classFile) {
        outer:
        for (int i = 0, last = classFile.length - SNOOP_BYTES.length; i <= last; i++) {
            if (classFile[i] != 'L') {
                continue;
            }
            for (int j = 1; j < SNOOP_BYTES.length; j++) {
                if (classFile[i + j] != SNOOP_BYTES[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The snooped methods of {@code type}, in declaration order, with their merged settings. */
    public Map<MethodNode, SnoopSettings> select(ClassNode type) {
        Map<MethodNode, SnoopSettings> selected = new LinkedHashMap<>();
        AnnotationNode onType = find(type.visibleAnnotations);
        for (MethodNode method : type.methods) {
            if (!isTraceable(method)) {
                continue;
            }
            AnnotationNode onMethod = find(method.visibleAnnotations);
            if (onMethod == null && (onType == null || "<clinit>".equals(method.name))) {
                continue;
            }
            selected.put(method, settings(onMethod, onType));
        }
        return selected;
    }

    private SnoopSettings settings(AnnotationNode onMethod, AnnotationNode onType) {
        String output = options.output();
        if (output == null) {
            output = outputOf(onMethod);
            if (output == null) {
                output = outputOf(onType);
            }
        }
        return new SnoopSettings(output == null ? SnoopSettings.STDERR : output);
    }

    /** {@code output} wins over {@code value}; null when neither is set. */
    private static String outputOf(AnnotationNode snoop) {
        if (snoop == null) {
            return null;
        }
        String output = stringValue(snoop, "output");
        if (output == null || output.isEmpty()) {
            output = stringValue(snoop, "value");
        }
        return output == null || output.isEmpty() ? null : output;
    }

    private static String stringValue(AnnotationNode annotation, String name) {
        List<Object> values = annotation.values;
        if (values == null) {
            return null;
        }
        for (int i = 0; i + 1 < values.size(); i += 2) {
            if (name.equals(values.get(i)) && values.get(i + 1) instanceof String) {
                return (String) values.get(i + 1);
            }
        }
        return null;
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
