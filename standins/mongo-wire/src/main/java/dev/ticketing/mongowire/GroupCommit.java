package dev.ticketing.mongowire;

/**
 * Makes writes durable together: a write that finished waits until a commit that began after it
 * has ended, and one waiting write runs that commit for all of them. Committing after every write,
 * each writer in turn, made the store lock the stand-in's bottleneck under load (a commit rewrites
 * every page the writes since the last one touched, however few they were); now the writes that
 * finish during one commit share the next. A write is still acknowledged only after a commit that
 * includes it.
 */
final class GroupCommit {

  private final Runnable commit;
  private long finished;   // writes applied in memory so far, numbered in the order they finished
  private long committed;  // every write numbered up to this one is in the file
  private boolean committing;

  GroupCommit(Runnable commit) {
    this.commit = commit;
  }

  /** Returns once the write that just finished is in the file. */
  void awaitDurable() {
    long mine;
    synchronized (this) {
      mine = ++finished;
    }
    while (true) {
      long upTo;
      synchronized (this) {
        while (committing && committed < mine) {
          waitForCommit();
        }
        if (committed >= mine) {
          return;
        }
        committing = true;
        upTo = finished;
      }
      boolean stored = false;
      try {
        commit.run();
        stored = true;
      } finally {
        synchronized (this) {
          committing = false;
          if (stored) {
            committed = Math.max(committed, upTo);
          }
          notifyAll();
        }
      }
    }
  }

  private void waitForCommit() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a commit", e);
    }
  }
}
