package dev.ticketing.mongowire.storage;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * A unique index on one field that also answers range queries ({@code $gt}, {@code $gte}, {@code $lt},
 * {@code $lte}) from its keys, which the map keeps in query order: the library's own index serves
 * only equality and {@code $in} and leaves a range to a scan of the whole collection, so "what is
 * due by T" or "this buyer's orders" would cost what is stored instead of what is found.
 *
 * <p>A range walks the keys from its lower bound and stops after its upper one. It may hand out a
 * few positions more than the range holds (keys of another type at an open end); the collection
 * checks every document it reads against the whole query, so those never reach an answer.
 */
public final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

  private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

  private final MVMap<KeyValue, Object> keys;
  private final DataType<KeyValue> order;

  public OrderedUniqueIndex(MVMap<KeyValue, Object> keys, String name, List<IndexKey> indexKeys, boolean sparse) {
    super(name, indexKeys, sparse);
    this.keys = keys;
    this.order = keys.getKeyType();
  }

  @Override
  public synchronized boolean canHandle(Document query) {
    return range(query) != null || super.canHandle(query);
  }

  @Override
  public synchronized Iterable<Object> getPositions(Document query) {
    Document range = range(query);
    return range == null ? super.getPositions(query) : positionsIn(range);
  }

  /** The query's range operators on this index's one field, or null when it is not such a query. */
  private Document range(Document query) {
    if (isCompoundIndex() || !query.keySet().equals(keySet())) {
      return null;
    }
    Object value = query.get(keys().get(0));
    if (value instanceof Document operators && !operators.isEmpty() && RANGE_OPERATORS.containsAll(operators.keySet())) {
      return operators;
    }
    return null;
  }

  private List<Object> positionsIn(Document range) {
    KeyValue lower = bound(range, "$gte", "$gt");
    KeyValue upper = bound(range, "$lte", "$lt");
    List<Object> positions = new ArrayList<>();
    Cursor<KeyValue, Object> cursor = keys.cursor(lower);
    while (cursor.hasNext()) {
      KeyValue key = cursor.next();
      if (upper != null && order.compare(key, upper) > 0) {
        break;
      }
      positions.add(cursor.getValue());
    }
    return positions;
  }

  /** The inclusive form of a bound (an exclusive one is checked again on the documents), or null. */
  private static KeyValue bound(Document range, String inclusive, String exclusive) {
    Object value = range.containsKey(inclusive) ? range.get(inclusive) : range.get(exclusive);
    return value == null ? null : new KeyValue(value);
  }

  @Override
  protected Object removeDocument(KeyValue keyValue) {
    return keys.remove(keyValue);
  }

  @Override
  protected boolean putKeyPosition(KeyValue keyValue, Object position) {
    return keys.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
  }

  @Override
  protected Iterable<Entry<KeyValue, Object>> getIterable() {
    return keys.entrySet();
  }

  @Override
  protected Object getPosition(KeyValue keyValue) {
    return keys.get(keyValue);
  }

  @Override
  public long getCount() {
    return keys.sizeAsLong();
  }

  @Override
  public boolean isEmpty() {
    return keys.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
