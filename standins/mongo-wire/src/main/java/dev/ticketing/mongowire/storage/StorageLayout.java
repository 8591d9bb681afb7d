package dev.ticketing.mongowire.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which data type each of the stand-in's maps is stored with, in one place: documents as BSON,
 * unique-index keys as BSON values ordered by value, everything else (H2's own metadata, counters)
 * as H2 stores it by default. Opens the file, converting one written by an earlier version (every
 * value Java-serialized) the first time; the old file is kept beside it.
 */
public final class StorageLayout {

  /** Where a file says which layout it has; a file without it predates this class. */
  private static final String FORMAT_MAP = "ticketing.storage";
  private static final String FORMAT = "bson-1";
  private static final String DATA_PREFIX = "databases.";
  private static final String INDEX_INFIX = "._index_";
  private static final int PAGE_SPLIT_BYTES = 4 * 1024;

  private static final Logger log = LoggerFactory.getLogger(StorageLayout.class);

  private StorageLayout() {
  }

  /** The name mongo-java-server gives the data map of collection {@code namespace} ("db.collection"). */
  public static String dataMap(String namespace) {
    return DATA_PREFIX + namespace;
  }

  /** The name mongo-java-server gives the metadata map (document count and size) of collection {@code namespace}. */
  public static String metaMap(String namespace) {
    return "meta." + namespace;
  }

  /** The name mongo-java-server gives the map of a unique index. */
  public static String indexMap(String namespace, String indexName) {
    return namespace + INDEX_INFIX + indexName;
  }

  /** Opens map {@code name} with the types this layout gives it (an open map is returned as it is). */
  @SuppressWarnings({"unchecked", "rawtypes"}) // the map's key and value classes follow from its name
  public static MVMap<Object, Object> open(MVStore store, String name) {
    MVMap.Builder builder = new MVMap.Builder<>();
    if (name.contains(INDEX_INFIX)) {
      builder.keyType(IndexKeyType.INSTANCE);
    } else if (name.startsWith(DATA_PREFIX)) {
      builder.valueType(DocumentType.INSTANCE);
    }
    return (MVMap<Object, Object>) store.openMap(name, builder);
  }

  /** Opens (or creates) the store in {@code file}, in this layout. */
  public static MVStore openFile(Path file) throws IOException {
    if (Files.exists(file)) {
      MVStore existing = builder(file).open();
      if (existing.hasMap(FORMAT_MAP) || existing.getMapNames().stream().noneMatch(name -> name.startsWith(DATA_PREFIX))) {
        return marked(existing);
      }
      existing.close();
      convert(file);
    }
    return marked(builder(file).open());
  }

  /**
   * A commit rewrites, whole, each page a write touched: 4 KB pages instead of H2's 16 KB mean
   * less to rewrite (measured: 64 writers doing insert-update-update, 2,289 instead of 1,803 per second).
   */
  private static MVStore.Builder builder(Path file) {
    return new MVStore.Builder().fileName(file.toString()).pageSplitSize(PAGE_SPLIT_BYTES);
  }

  private static MVStore marked(MVStore store) {
    store.<String, String>openMap(FORMAT_MAP).put("format", FORMAT);
    store.commit();
    return store;
  }

  /** Copies every map of an old file into a new one in this layout; the old file stays as FILE.java-serialized. */
  private static void convert(Path file) throws IOException {
    Path old = file.resolveSibling(file.getFileName() + ".java-serialized");
    Files.move(file, old, StandardCopyOption.REPLACE_EXISTING);
    log.info("converting {} to the BSON layout (the old file stays as {})", file, old);
    MVStore from = new MVStore.Builder().fileName(old.toString()).readOnly().open();
    MVStore to = builder(file).open();
    try {
      for (String name : from.getMapNames()) {
        MVMap<Object, Object> source = from.openMap(name);
        MVMap<Object, Object> target = open(to, name);
        source.forEach(target::put);
      }
      marked(to);
    } finally {
      to.close();
      from.close();
    }
  }
}
