package io.jsnooper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsnooper.it.fixtures.failure.DyingMain;
import io.jsnooper.it.support.ChildProcess;
import io.jsnooper.it.support.TestPaths;
import io.jsnooper.it.support.TraceGrammar;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process empties the trace file while the program traces (an operator's {@code > trace.log},
 * logrotate's copytruncate): the agent writes on at the new end of the file, whole lines only.
 */
class TraceFileTruncatedTest {

    @TempDir
    Path folder;

    @Test
    void afterTheFileIsTruncatedTracingGoesOnAtItsNewEndInWholeLines() throws Exception {
        Path trace = folder.resolve("trace.log");
        String options = "sourcepath=" + TestPaths.sourceRoot() + ",output=" + trace;
        try (ChildProcess child = ChildProcess.start(folder, options, List.of(), DyingMain.class, "forever")) {
            child.awaitLine("ready", 30_000);
            awaitDone(child, 1_000);
            try (FileChannel channel = FileChannel.open(trace, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            int atTruncation = awaitDone(child, 0);
            awaitDone(child, atTruncation + 2_000);
            child.process().destroy(); // SIGTERM: the shutdown hook writes what is pending
            child.awaitExit(30_000);
        }
        String text = Files.readString(trace, StandardCharsets.UTF_8);
        assertTrue(text.length() > 0, "nothing was written after the truncation");
        assertTrue(text.endsWith("\n"), "the file ends inside a line");
        // the first line may be the end of a line that was being written when the file was emptied;
        // every line after it is whole
        String afterFirst = text.substring(text.indexOf('\n') + 1);
        assertEquals("", TraceGrammar.malformedLines(afterFirst), "torn or foreign lines");
        assertTrue(TraceGrammar.countEvents(afterFirst, "call") > 100, "the trace goes on after the truncation");
    }

    /** Waits for a "done N" line with N at least {@code atLeast}; returns N. */
    private static int awaitDone(ChildProcess child, int atLeast) throws InterruptedException {
        while (true) {
            int done = Integer.parseInt(child.awaitLine("done ", 30_000).substring(5));
            if (done >= atLeast) {
                return done;
            }
        }
    }
}
