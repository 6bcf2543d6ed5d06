package net.historyarchive.catalog.document.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited records as raw bytes (JSON parsing decodes UTF-8 strictly), refusing
 * any line longer than a limit instead of buffering it: one runaway line must not exhaust memory.
 */
public final class NdjsonLines {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkLen;
    private byte[] line = new byte[8 * 1024];
    private int lineLen;
    private int lineNumber;

    public NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** One line: its 1-based number and bytes, or {@code tooLong} when it exceeded the limit (its bytes are then dropped). */
    public record Line(int number, byte[] bytes, int length, boolean tooLong) {
        public boolean isBlank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    /** @return the next line, or null at the end of input */
    public Line next() throws IOException {
        lineLen = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    if (!sawAny) {
                        return null;
                    }
                    return new Line(++lineNumber, line, lineLen, tooLong);
                }
            }
            sawAny = true;
            int start = chunkPos;
            while (chunkPos < chunkLen && chunk[chunkPos] != '\n') {
                chunkPos++;
            }
            int n = chunkPos - start;
            if (!tooLong) {
                if (lineLen + n > maxLineBytes) {
                    tooLong = true;
                    lineLen = 0;
                } else {
                    ensureCapacity(lineLen + n);
                    System.arraycopy(chunk, start, line, lineLen, n);
                    lineLen += n;
                }
            }
            if (chunkPos < chunkLen) {
                chunkPos++; // the newline
                return new Line(++lineNumber, line, lineLen, tooLong);
            }
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, line.length * 2));
        }
    }
}
