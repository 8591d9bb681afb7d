package dev.ticketing.mongowire.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection whose queries hand out copies of the stored documents. The library updates a
 * document by changing, in place, the object a query found, which is the object in the store's
 * page; a commit writing that page at the same moment then read a document half changed (seen:
 * ConcurrentModificationException while encoding it, under a few hundred writes a second). A store
 * page must not change once written; with copies it does not. Only the documents a query matched
 * are copied, and not when a projection already makes new ones.
 */
public final class IsolatedH2Collection extends H2Collection {

  public IsolatedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                              MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
    super(database, collectionName, options, dataMap, metaMap, cursors);
  }

  @Override
  protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip, int limit,
                                                 int batchSize, Comparator<Document> order, Document fieldSelector) {
    boolean projected = fieldSelector != null && !fieldSelector.keySet().isEmpty();
    Stream<Document> matched = projected ? documents
        : documents.filter(document -> documentMatchesQuery(document, query)).map(Document::cloneDeeply);
    return super.matchDocumentsFromStream(query, matched, numberToSkip, limit, batchSize, order, fieldSelector);
  }
}
