package io.jsnooper.agent.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceLinesTest {

    private static final SourceLines SOURCE = SourceLines.of("/src/Sample.java", List.of(
            "class Sample {",                                   // 1
            "    // compute(x) is explained here",              // 2
            "    @Snoop",                                       // 3
            "    int compute(int x) {",                         // 4
            "        int y = x + 1;   ",                        // 5
            "        return y;",                                // 6
            "    }",                                            // 7
            "",                                                 // 8
            "    static int add(",                              // 9
            "            int a,",                               // 10
            "            int b) {",                             // 11
            "        int r = compute(a) + b;",                  // 12
            "        return r;",                                // 13
            "    } // add",                                     // 14
            "",                                                 // 15
            "    int fact(int n) {",                            // 16
            "        return n <= 1 ? 1 : n * fact(n - 1);",     // 17
            "    }",                                            // 18
            "",                                                 // 19
            "    void walk(Node n) {",                          // 20
            "        walk(n.left);",                            // 21
            "        if (x) { y(); } else {",                   // 22
            "        } else {",                                 // 23
            "    }));"));                                       // 24

    @Test
    void theDeclarationIsFoundAboveTheFirstStatement() {
        assertEquals(4, SOURCE.declarationLine("compute", false, 5));
    }

    @Test
    void aSignatureOverSeveralLinesIsFoundAtItsName() {
        assertEquals(9, SOURCE.declarationLine("add", false, 12));
    }

    @Test
    void aRecursiveReturnOnTheFirstLineIsNotTakenForTheDeclaration() {
        assertEquals(16, SOURCE.declarationLine("fact", false, 17));
    }

    @Test
    void aRecursiveCallStatementOnTheFirstLineIsNotTakenForTheDeclaration() {
        assertEquals(20, SOURCE.declarationLine("walk", false, 21));
    }

    @Test
    void anUnknownNameOrAnUnavailableSourceKeepsTheFirstLine() {
        assertEquals(5, SOURCE.declarationLine("missing", false, 5));
        assertEquals(5, SourceLines.unavailable("Sample.java").declarationLine("compute", false, 5));
    }

    @Test
    void linesComeWithoutTrailingBlanksAndTheMarkerWhenUnavailable() {
        assertArrayEquals("        int y = x + 1;".getBytes(StandardCharsets.UTF_8), SOURCE.line(5));
        assertArrayEquals(new byte[0], SOURCE.line(99));
        assertEquals("SOURCE IS UNAVAILABLE",
                new String(SourceLines.unavailable("Sample.java").line(5), StandardCharsets.US_ASCII));
    }

    @Test
    void aLineOfClosingBracesIsRecognised() {
        assertTrue(SOURCE.isClosingBrace(7));
        assertTrue(SOURCE.isClosingBrace(14));
        assertTrue(SOURCE.isClosingBrace(24));
    }

    @Test
    void codeBlankAndMissingLinesAreNotClosingBraces() {
        assertFalse(SOURCE.isClosingBrace(5));
        assertFalse(SOURCE.isClosingBrace(8));
        assertFalse(SOURCE.isClosingBrace(22));
        assertFalse(SOURCE.isClosingBrace(99));
        assertFalse(SourceLines.unavailable("Sample.java").isClosingBrace(7));
    }

    @Test
    void aLineStartingWithAClosingBraceCountsLikeJavacsJumpOverAnElse() {
        assertTrue(SOURCE.isClosingBrace(23));
    }

    @Test
    void aCompactConstructorIsFoundAtItsNameAndBrace() {
        SourceLines record = SourceLines.of("/src/Range.java", List.of(
                "record Range(int low, int high) {",   // 1
                "    Range {",                         // 2
                "        check(low, high);",           // 3
                "    }",                               // 4
                "}"));
        assertEquals(2, record.declarationLine("Range", true, 3));
    }
}
