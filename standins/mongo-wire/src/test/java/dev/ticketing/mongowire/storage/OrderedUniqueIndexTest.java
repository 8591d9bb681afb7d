package dev.ticketing.mongowire.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A range on an indexed field is answered by walking just that range of the index's keys. */
class OrderedUniqueIndexTest {

  private OrderedUniqueIndex index;

  @BeforeEach
  @SuppressWarnings({"unchecked", "rawtypes"})
  void indexOfDueKeys() {
    MVStore store = MVStore.open(null);
    MVMap keys = StorageLayout.open(store, StorageLayout.indexMap("db.orders", "due"));
    index = new OrderedUniqueIndex(keys, "due", List.of(new IndexKey("due", true)), true);
    for (String key : List.of("0000000000100:a", "0000000000200:b", "0000000000300:c", "0000000000400:d")) {
      index.add(new Document("due", key), "id-" + key.charAt(key.length() - 1), null);
    }
  }

  @Test
  void anUpperBoundFindsOnlyTheKeysBelowIt() {
    Document query = new Document("due", new Document("$lt", "0000000000300"));
    assertTrue(index.canHandle(query));
    assertEquals(List.of("id-a", "id-b"), positions(query));
  }

  @Test
  void aLowerAndAnUpperBoundFindTheKeysBetween() {
    Document query = new Document("due", new Document("$gte", "0000000000200").append("$lte", "0000000000300:c"));
    assertEquals(List.of("id-b", "id-c"), positions(query));
  }

  @Test
  void aPrefixRangeFindsTheKeysThatStartWithIt() {
    Document query = new Document("due", new Document("$gte", "0000000000400:").append("$lt", "0000000000400;"));
    assertEquals(List.of("id-d"), positions(query));
  }

  @Test
  void equalityStillGoesToTheLibrarysLookupAndOtherOperatorsAreNotTaken() {
    assertEquals(List.of("id-c"), positions(new Document("due", "0000000000300:c")));
    assertFalse(index.canHandle(new Document("due", new Document("$ne", "x"))));
    assertFalse(index.canHandle(new Document("other", new Document("$lt", "x"))));
  }

  private List<Object> positions(Document query) {
    List<Object> found = new ArrayList<>();
    index.getPositions(query).forEach(found::add);
    return found;
  }
}
