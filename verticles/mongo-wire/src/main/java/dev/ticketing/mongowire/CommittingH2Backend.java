package dev.ticketing.mongowire;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend, made as durable as a process kill requires: MVStore normally commits on a
 * ~1 s timer, so a killed server would lose writes it had already acknowledged. Here every
 * command that changed something is committed before its reply is returned, so an acknowledged
 * write is in the file (the OS page cache survives a process kill; a power cut is another matter,
 * as it is for MongoDB's default journal interval).
 */
final class CommittingH2Backend extends H2Backend {

  CommittingH2Backend(String fileName) {
    super(fileName);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      // A failed write (duplicate key in a batch, say) may still have applied part of its work.
      if (getMvStore().hasUnsavedChanges()) {
        commit();
      }
    }
  }
}
