package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.support.ChildJvm;
import io.jsnooper.it.support.Golden;
import io.jsnooper.it.support.Jdk;
import io.jsnooper.it.support.Shapes;
import io.jsnooper.it.support.TestPaths;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * javac's default is {@code -g:source,lines}: no LocalVariableTable. Such a class is compiled here,
 * from {@code src/test/nodebug}, and must still be traced line by line with slotN/argN names.
 */
class ClassesWithoutLocalNamesTest {

    private static final String FIXTURE = "io.jsnooper.it.nodebug.NoLocalNames";

    @ParameterizedTest
    @MethodSource("io.jsnooper.it.support.Jdk#all")
    void aClassWithoutLocalNamesTracesSlotsAndSaysOnceToCompileWithG(Jdk jdk, @TempDir Path classes)
            throws Exception {
        jdk.assumePresent();
        Path sources = TestPaths.extraSourceRoot("nodebug");
        compileWithoutLocalNames(sources.resolve(FIXTURE.replace('.', '/') + ".java"), classes);

        ChildJvm.Result traced = Shapes.assertUnchanged(() -> ChildJvm.on(jdk)
                .classPath(classes)
                .agentOptions("sourcepath=" + sources)
                .main(FIXTURE));
        String trace = traced.stderr.replace(sources + "/", "");
        long warnings = trace.lines().filter(line -> line.startsWith("jsnooper: ")).count();
        assertEquals(1, warnings, "one warning for the class, however many calls:\n" + trace);
        assertTrue(trace.contains("-g"), "the warning says how to get names:\n" + trace);
        Golden.assertMatches("NoLocalNames", trace);
    }

    private static void compileWithoutLocalNames(Path source, Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("-g:source,lines", "--release", "17",
                    "-cp", TestPaths.annotationsJar().toString(), "-d", classes.toString());
            boolean ok = javac.getTask(diagnostics, files, null, options, null,
                    files.getJavaFileObjects(source.toFile())).call();
            assertTrue(ok, () -> "compilation failed:\n" + diagnostics);
        }
    }
}
