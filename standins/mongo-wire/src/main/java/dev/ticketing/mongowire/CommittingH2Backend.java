package dev.ticketing.mongowire;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import dev.ticketing.mongowire.storage.StorageLayout;
import io.netty.channel.Channel;
import dev.ticketing.mongowire.storage.IsolatedH2Collection;
import dev.ticketing.mongowire.storage.OrderedUniqueIndex;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, made as durable as a process kill requires and stored compactly.
 *
 * <p>Durable: MVStore normally commits on a ~1 s timer, so a killed server would lose writes it
 * had already acknowledged. Here every command that may have written waits for a commit that
 * includes it before its reply is returned ({@link GroupCommit}), so an acknowledged write is in
 * the file (the OS page cache survives a process kill; a power cut is another matter, as it is for
 * MongoDB's default journal interval).
 *
 * <p>Compact: documents are stored as BSON and index keys compared by value ({@link StorageLayout});
 * the library's defaults Java-serialize both, which profiling showed to be most of its CPU.
 * Queries hand out copies, so no stored document is changed in place ({@link IsolatedH2Collection}).
 */
final class CommittingH2Backend extends H2Backend {

  /** Commands that only read: they are answered without waiting for a commit. Any other command may write. */
  private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections", "listIndexes",
      "listDatabases", "ping", "hello", "isMaster", "ismaster", "buildInfo", "buildinfo", "serverStatus", "dbStats",
      "collStats", "killCursors", "endSessions", "getParameter", "connectionStatus", "whatsmyuri", "hostInfo", "getLog");

  private final GroupCommit commits = new GroupCommit(this::commit);

  CommittingH2Backend(MVStore store) {
    super(store);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      // A failed write (duplicate key in a batch, say) may still have applied part of its work.
      if (!READS.contains(command)) {
        commits.awaitDurable();
      }
    }
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new LaidOutDatabase(databaseName);
  }

  /**
   * Opens each map with its layout's types before the library asks for it; the library then gets
   * the open map. An inner class on purpose: the library's constructor opens the existing maps
   * before a subclass's own fields are set, while the enclosing backend (and its store) is ready.
   */
  private final class LaidOutDatabase extends H2Database {

    LaidOutDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    /** As the library opens a unique index, laid out, and answering ranges from its keys. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // an index map holds positions by their keys, as the library's does
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                     boolean sparse) {
      MVMap map = StorageLayout.open(getMvStore(), StorageLayout.indexMap(getFullCollectionNamespace(collectionName), indexName));
      return new OrderedUniqueIndex(map, indexName, keys, sparse);
    }

    /** As the library opens a collection, with its data map laid out and queries that hand out copies. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // the data map holds documents by their ids, as the library's does
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String namespace = getFullCollectionNamespace(collectionName);
      MVMap data = StorageLayout.open(getMvStore(), StorageLayout.dataMap(namespace));
      MVMap<String, Object> meta = getMvStore().openMap(StorageLayout.metaMap(namespace));
      return new IsolatedH2Collection(this, collectionName, options, data, meta, getCursorRegistry());
    }
  }
}
