package net.historyarchive.systemtests.shutdown;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request body that stops halfway until the test opens the gate: the request is then certainly
 * in flight on the server (its headers and half its body arrived) while the test stops the server.
 */
final class GatedBody extends InputStream {

    private final byte[] bytes;
    private final int gateAt;
    private final CountDownLatch reachedGate = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);
    private int position;

    GatedBody(byte[] bytes) {
        this.bytes = bytes;
        this.gateAt = bytes.length / 2;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position == gateAt) {
            reachedGate.countDown();
            try {
                if (!open.await(5, TimeUnit.MINUTES)) {
                    throw new IOException("the gate was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        if (position >= bytes.length) {
            return -1;
        }
        int limit = position < gateAt ? gateAt : bytes.length;
        int n = Math.min(length, limit - position);
        System.arraycopy(bytes, position, buffer, offset, n);
        position += n;
        return n;
    }

    boolean reachedGate() {
        return reachedGate.getCount() == 0;
    }

    void open() {
        open.countDown();
    }
}
