package io.jsnooper.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.Snoop;
import io.jsnooper.agent.config.AgentOptions;
import io.jsnooper.agent.config.SnoopSettings;
import io.jsnooper.agent.config.TraceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class SnoopMatcherTest {

    static class Unannotated {
        int twice(int x) {
            return 2 * x;
        }
    }

    static class OneMethod {
        @Snoop(prefix = "P ")
        int snooped(int x) {
            IntSupplier lambda = () -> x + 1;
            return lambda.getAsInt();
        }

        int notSnooped() {
            return 0;
        }
    }

    @Snoop("/tmp/type.log")
    abstract static class WholeType {
        static int initialized = 1;

        WholeType() {
        }

        @Snoop(output = "/tmp/method.log")
        void overridden() {
        }

        void inherited() {
        }

        abstract void noCode();
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static ClassNode read(Class<?> type) throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(bytesOf(type)).accept(node, 0);
        return node;
    }

    private static Map<MethodNode, SnoopMatcher.Selection> select(String options, Class<?> type) throws IOException {
        return new SnoopMatcher(AgentOptions.parse(options)).select(read(type));
    }

    private static List<String> names(Map<MethodNode, SnoopMatcher.Selection> selected) {
        List<String> names = new ArrayList<>();
        selected.keySet().forEach(m -> names.add(m.name));
        return names;
    }

    @Test
    void theByteScanRejectsAClassThatNeverMentionsSnoop() throws IOException {
        assertFalse(SnoopMatcher.mentionsSnoop(bytesOf(Unannotated.class)));
        assertFalse(SnoopMatcher.mentionsSnoop("Lio/jsnooper/Snoo".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(SnoopMatcher.mentionsSnoop(new byte[0]));
        assertTrue(SnoopMatcher.mentionsSnoop(bytesOf(OneMethod.class)));
        assertTrue(SnoopMatcher.mentionsSnoop("xxLio/jsnooper/Snoop;".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aClassWithoutSnoopHasNothingSelected() throws IOException {
        assertEquals(List.of(), names(select("", Unannotated.class)));
    }

    @Test
    void onlyTheAnnotatedMethodAndTheLambdaWrittenInItAreSelected() throws IOException {
        Map<MethodNode, SnoopMatcher.Selection> selected = select("", OneMethod.class);

        List<String> names = names(selected);
        assertEquals(2, names.size(), names.toString());
        assertEquals("snooped", names.get(0));
        assertTrue(names.get(1).startsWith("lambda$snooped$"), names.toString());
        List<SnoopMatcher.Selection> selections = new ArrayList<>(selected.values());
        assertEquals(TraceKind.SNOOPED, selections.get(0).kind);
        assertEquals(TraceKind.LAMBDA, selections.get(1).kind);
        assertEquals("P ", selections.get(0).settings.prefix);
        assertEquals("P ", selections.get(1).settings.prefix);
    }

    @Test
    void aSnoopOnTheTypeSelectsEveryMethodWithCodeButTheStaticInitializer() throws IOException {
        assertEquals(List.of("<init>", "overridden", "inherited"), names(select("", WholeType.class)));
    }

    @Test
    void theMethodsSnoopWinsOverTheTypesAndTheAgentOptionOverBoth() throws IOException {
        Map<String, String> outputs = new java.util.HashMap<>();
        select("", WholeType.class).forEach((m, s) -> outputs.put(m.name, s.settings.output));
        Map<String, String> forced = new java.util.HashMap<>();
        select("output=/tmp/forced.log", WholeType.class).forEach((m, s) -> forced.put(m.name, s.settings.output));

        assertEquals("/tmp/method.log", outputs.get("overridden"));
        assertEquals("/tmp/type.log", outputs.get("inherited"));
        assertEquals("/tmp/forced.log", forced.get("overridden"));
        assertEquals("/tmp/forced.log", forced.get("inherited"));
    }

    @Test
    void withoutAnyOutputTheTraceGoesToStderr() throws IOException {
        select("", OneMethod.class).values().forEach(s -> assertEquals(SnoopSettings.STDERR, s.settings.output));
    }
}
