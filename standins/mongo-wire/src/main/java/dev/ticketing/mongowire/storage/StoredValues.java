package dev.ticketing.mongowire.storage;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * How the stand-in writes documents and index values into its file: as BSON, MongoDB's own format,
 * with the wire codec mongo-java-server already has. One tag byte leads each value: BSON, the
 * "missing" marker, or Java serialization for anything BSON cannot hold (nothing we store today;
 * it keeps an exotic value from failing a write).
 */
final class StoredValues {

  private static final byte BSON_DOCUMENT = 'D';
  private static final byte BSON_VALUE = 'V';
  private static final byte MISSING = 'M';
  private static final byte SERIALIZED = 'J';

  private StoredValues() {
  }

  static void writeDocument(WriteBuffer out, Document document) {
    ByteBuf bson = Unpooled.buffer(256);
    try {
      BsonEncoder.encodeDocument(document, bson);
      put(out, BSON_DOCUMENT, bson);
    } catch (IllegalArgumentException notBson) {
      putSerialized(out, document);
    } finally {
      bson.release();
    }
  }

  static Document readDocument(ByteBuffer in) {
    byte tag = in.get();
    ByteBuf bytes = Unpooled.wrappedBuffer(take(in));
    return tag == BSON_DOCUMENT ? BsonDecoder.decodeBson(bytes) : (Document) deserialize(bytes);
  }

  static void writeValue(WriteBuffer out, Object value) {
    if (value instanceof Missing) {
      out.put(MISSING);
      return;
    }
    ByteBuf bson = Unpooled.buffer(32);
    try {
      byte type = BsonEncoder.determineType(value);
      bson.writeByte(type);
      BsonEncoder.encodeValue(type, value, bson);
      put(out, BSON_VALUE, bson);
    } catch (IllegalArgumentException notBson) {
      putSerialized(out, value);
    } finally {
      bson.release();
    }
  }

  static Object readValue(ByteBuffer in) {
    byte tag = in.get();
    if (tag == MISSING) {
      return Missing.getInstance();
    }
    ByteBuf bytes = Unpooled.wrappedBuffer(take(in));
    if (tag == SERIALIZED) {
      return deserialize(bytes);
    }
    byte type = bytes.readByte();
    return BsonDecoder.decodeValue(type, bytes);
  }

  private static void put(WriteBuffer out, byte tag, ByteBuf bytes) {
    int length = bytes.readableBytes();
    out.put(tag).putVarInt(length).put(bytes.nioBuffer(bytes.readerIndex(), length));
  }

  private static byte[] take(ByteBuffer in) {
    byte[] bytes = new byte[DataUtils.readVarInt(in)];
    in.get(bytes);
    return bytes;
  }

  private static void putSerialized(WriteBuffer out, Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.put(SERIALIZED).putVarInt(bytes.size()).put(bytes.toByteArray());
  }

  private static Object deserialize(ByteBuf bytes) {
    byte[] array = new byte[bytes.readableBytes()];
    bytes.readBytes(array);
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(array))) {
      return objects.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("a stored value of an unknown class", e);
    }
  }
}
