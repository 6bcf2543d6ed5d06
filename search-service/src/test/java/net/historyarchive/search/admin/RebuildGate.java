package net.historyarchive.search.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a test hold a running rebuild at the start of one phase (the rebuild's thread waits in the
 * synchronous {@link RebuildProgress} event) and release it later. Does nothing unless armed.
 */
@ApplicationScoped
public class RebuildGate {

    private volatile RebuildStatus.Phase holdAt;
    private volatile CountDownLatch reached = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);

    void arm(RebuildStatus.Phase phase) {
        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        holdAt = phase;
    }

    boolean awaitReached(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        holdAt = null;
        released.countDown();
    }

    void onProgress(@Observes RebuildProgress progress) throws InterruptedException {
        if (progress.phase() == holdAt) {
            reached.countDown();
            released.await(2, TimeUnit.MINUTES); // never hold a forgotten rebuild forever
        }
    }
}
