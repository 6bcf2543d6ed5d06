package net.historyarchive.search.ingest;

/**
 * Lets the interactive lane go first: while it is applying a batch, the bulk lane does not start
 * its next one, so an archivist's edit competes with at most the bulk batch already in flight,
 * and bulk work runs at full speed whenever nothing interactive is waiting.
 */
final class LanePriority {

    private int interactiveBatches;

    synchronized void interactiveStarted() {
        interactiveBatches++;
    }

    synchronized void interactiveFinished() {
        interactiveBatches--;
        notifyAll();
    }

    /** Blocks the bulk lane while an interactive batch is being applied. */
    synchronized void awaitBulkTurn() throws InterruptedException {
        while (interactiveBatches > 0) {
            wait();
        }
    }
}
