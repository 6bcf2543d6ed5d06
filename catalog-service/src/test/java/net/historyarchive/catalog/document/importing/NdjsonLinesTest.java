package net.historyarchive.catalog.document.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain unit test of the line reader (package-private, hence in the main code's package). */
class NdjsonLinesTest {

    @Test
    void splitsOnNewlinesNumberingFromOne() throws IOException {
        List<NdjsonLines.Line> lines = readAll("a\nbb\n\nccc", 100);
        assertEquals(List.of("a", "bb", "", "ccc"), texts(lines));
        assertEquals(List.of(1, 2, 3, 4), lines.stream().map(NdjsonLines.Line::number).toList());
        assertTrue(lines.get(2).isBlank());
    }

    @Test
    void aTrailingNewlineDoesNotMakeAnEmptyLastLine() throws IOException {
        assertEquals(List.of("a", "b"), texts(readAll("a\nb\n", 100)));
        assertEquals(List.of(), texts(readAll("", 100)));
    }

    @Test
    void whitespaceOnlyAndCarriageReturnLinesAreBlank() throws IOException {
        List<NdjsonLines.Line> lines = readAll(" \t\r\n{}\r\n", 100);
        assertTrue(lines.get(0).isBlank());
        assertFalse(lines.get(1).isBlank());
    }

    @Test
    void aLineOverTheLimitIsMarkedAndDroppedButTheNextLineIsIntact() throws IOException {
        List<NdjsonLines.Line> lines = readAll("12345\n123456\nabc", 5);
        assertFalse(lines.get(0).tooLong());
        assertEquals("12345", text(lines.get(0)));
        assertTrue(lines.get(1).tooLong());
        assertEquals(0, lines.get(1).length());
        assertEquals(2, lines.get(1).number());
        assertEquals("abc", text(lines.get(2)));
    }

    @Test
    void linesLongerThanTheReadChunkAreJoined() throws IOException {
        String big = "x".repeat(200_000);
        List<NdjsonLines.Line> lines = readAll(big + "\n" + big, 300_000);
        assertEquals(List.of(big, big), texts(lines));
    }

    @Test
    void worksWithAStreamThatReturnsOneByteAtATime() throws IOException {
        byte[] bytes = "{\"a\":1}\n\n{\"b\":2}".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        NdjsonLines reader = new NdjsonLines(trickle, 100);
        List<NdjsonLines.Line> lines = new ArrayList<>();
        for (NdjsonLines.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(copy(line));
        }
        assertEquals(List.of("{\"a\":1}", "", "{\"b\":2}"), texts(lines));
    }

    @Test
    void multiByteUtf8IsKeptByteForByte() throws IOException {
        assertEquals(List.of("Письмо", "毛泽东 📜"), texts(readAll("Письмо\n毛泽东 📜\n", 100)));
    }

    private static List<NdjsonLines.Line> readAll(String text, int max) throws IOException {
        NdjsonLines reader = new NdjsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<NdjsonLines.Line> lines = new ArrayList<>();
        for (NdjsonLines.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(copy(line));
        }
        assertNull(reader.next(), "stays at the end");
        return lines;
    }

    /** The reader reuses its buffer; keep a copy of each line. */
    private static NdjsonLines.Line copy(NdjsonLines.Line line) {
        return new NdjsonLines.Line(line.number(), java.util.Arrays.copyOf(line.bytes(), line.length()), line.length(), line.tooLong());
    }

    private static List<String> texts(List<NdjsonLines.Line> lines) {
        return lines.stream().map(NdjsonLinesTest::text).toList();
    }

    private static String text(NdjsonLines.Line line) {
        return new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
    }
}
