package dev.ticketing.mongowire.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index, stored as BSON values and ordered by value. By default H2 orders an
 * unknown class by its Java-serialized bytes, so every step of every index lookup serialized both
 * keys: profiled, that was most of the stand-in's CPU. Keys are equal exactly when
 * {@link KeyValue#equals} says so, as before; values that MongoDB ranks the same but that are not
 * equal (null and missing, say) are told apart by class name and then by their text.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

  static final IndexKeyType INSTANCE = new IndexKeyType();

  private static final ValueComparator BSON_ORDER = ValueComparator.ascWithoutListHandling();

  private IndexKeyType() {
  }

  @Override
  public int compare(KeyValue a, KeyValue b) {
    int shared = Math.min(a.size(), b.size());
    for (int i = 0; i < shared; i++) {
      int order = compareValues(a.get(i), b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareValues(Object x, Object y) {
    if (Objects.equals(x, y)) {
      return 0;
    }
    int order = BSON_ORDER.compare(x, y);
    if (order != 0) {
      return order;
    }
    order = className(x).compareTo(className(y));
    return order != 0 ? order : String.valueOf(x).compareTo(String.valueOf(y));
  }

  private static String className(Object value) {
    return value == null ? "" : value.getClass().getName();
  }

  @Override
  public int getMemory(KeyValue key) {
    return 48 + 40 * key.size();
  }

  @Override
  public void write(WriteBuffer out, KeyValue key) {
    out.putVarInt(key.size());
    key.forEach(value -> StoredValues.writeValue(out, value));
  }

  @Override
  public KeyValue read(ByteBuffer in) {
    int size = DataUtils.readVarInt(in);
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(StoredValues.readValue(in));
    }
    return new KeyValue(values);
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }
}
