package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.env.PluginLoaderMain;
import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.JavaSources;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.TestPaths;
import io.jsnooper.it.support.TraceGrammar;
import java.io.File;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snooped class is traced whichever loader defines it: rewritten code calls the bridge on the
 * boot class path, which every loader can see, and a named module is made to read it.
 */
class ClassLoaderTraceTest {

    private static final String GREETER = String.join("\n",
            "package plugin;",
            "",
            "import io.jsnooper.Snoop;",
            "",
            "public class Greeter {",
            "",
            "    @Snoop",
            "    public static String greet(String name) {",
            "        String greeting = \"hello \" + name;",
            "        return greeting.toUpperCase();",
            "    }",
            "}",
            "");

    private static final String MODULE_INFO = String.join("\n",
            "module demo.snooped {",
            "    requires jsnooper.annotations;",
            "}",
            "");

    private static final String MODULE_MAIN = String.join("\n",
            "package demo.snooped;",
            "",
            "import io.jsnooper.Snoop;",
            "",
            "public class Main {",
            "",
            "    @Snoop",
            "    static int square(int x) {",
            "        int y = x * x;",
            "        return y;",
            "    }",
            "",
            "    public static void main(String[] args) {",
            "        System.out.println(square(7) + \" from \" + Main.class.getModule().getName());",
            "    }",
            "}",
            "");

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aClassFromAUrlClassLoaderUnderTheSystemLoaderIsTraced(Jdk jdk) throws Exception {
        Path classes = compilePlugin();
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent())
                .agentOptions("sourcepath=" + temp.resolve("src"))
                .main(PluginLoaderMain.class, "system", classes.toString())
                .run().assertSucceeded();

        assertGreeterTraced(result);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aClassFromAnIsolatedLoaderWithANullParentIsTraced(Jdk jdk) throws Exception {
        Path classes = compilePlugin();
        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent())
                .agentOptions("sourcepath=" + temp.resolve("src"))
                .main(PluginLoaderMain.class, "null", classes.toString(), TestPaths.annotationsJar().toString())
                .run().assertSucceeded();

        assertGreeterTraced(result);
    }

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aClassInANamedModuleThatRequiresTheAnnotationsIsTraced(Jdk jdk) throws Exception {
        Path annotations = TestPaths.annotationsJar();
        Path modules = temp.resolve("mods");
        JavaSources.compile(temp.resolve("modsrc"),
                Map.of("module-info.java", MODULE_INFO, "demo/snooped/Main.java", MODULE_MAIN),
                modules.resolve("demo.snooped"), "--module-path", annotations.toString());

        ChildJvm.Result result = ChildJvm.on(jdk.assumePresent())
                .agentOptions("sourcepath=" + temp.resolve("modsrc"))
                .jvmArg("--module-path")
                .jvmArg(modules.resolve("demo.snooped") + File.pathSeparator + annotations)
                .mainModule("demo.snooped", "demo.snooped.Main")
                .run().assertSucceeded();

        assertEquals("49 from demo.snooped\n", result.stdout, "the program's result is unchanged");
        assertEquals(Set.of(), Set.copyOf(TraceGrammar.agentMessages(result.stderr)), result.stderr);
        assertTrue(result.stderr.contains("Starting var:.. x = 7\n"), result.stderr);
        assertTrue(result.stderr.matches("(?s).* call +8 +static int square\\(int x\\) \\{\n.*"), result.stderr);
        assertTrue(result.stderr.contains("New var:....... y = 49\n"), result.stderr);
        assertTrue(result.stderr.contains("Return value:.. 49\n"), result.stderr);
    }

    @Test
    void theAnnotationsJarIsTheAutomaticModuleTheModuleFixtureRequires() {
        ModuleReference annotations = ModuleFinder.of(TestPaths.annotationsJar()).findAll().iterator().next();
        assertEquals("jsnooper.annotations", annotations.descriptor().name(),
                "a module says `requires " + annotations.descriptor().name() + "`: the module test must use it");
    }

    private Path compilePlugin() throws Exception {
        Path classes = temp.resolve("plugin-classes");
        JavaSources.compile(temp.resolve("src"), Map.of("plugin/Greeter.java", GREETER), classes,
                "-cp", TestPaths.annotationsJar().toString());
        return classes;
    }

    private static void assertGreeterTraced(ChildJvm.Result result) {
        assertEquals("HELLO WORLD\n", result.stdout, "the program's result is unchanged");
        assertEquals(Set.of(), Set.copyOf(TraceGrammar.agentMessages(result.stderr)), result.stderr);
        assertTrue(result.stderr.contains("Starting var:.. name = \"world\"\n"), result.stderr);
        assertTrue(result.stderr.matches("(?s).* call +8 +public static String greet\\(String name\\) \\{\n.*"),
                result.stderr);
        assertTrue(result.stderr.contains("New var:....... greeting = \"hello world\"\n"), result.stderr);
        assertTrue(result.stderr.contains("Return value:.. \"HELLO WORLD\"\n"), result.stderr);
        assertEquals(1, TraceGrammar.countEvents(result.stderr, "call"), result.stderr);
    }
}
