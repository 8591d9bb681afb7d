package dev.ticketing.mongowire.storage;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** A collection's documents in the file, as BSON (see {@link StoredValues}). */
final class DocumentType extends BasicDataType<Document> {

  static final DocumentType INSTANCE = new DocumentType();

  private DocumentType() {
  }

  /** A rough size for the page cache: an exact one would mean encoding the document to measure it. */
  @Override
  public int getMemory(Document document) {
    return 128 + 96 * document.size();
  }

  @Override
  public void write(WriteBuffer out, Document document) {
    StoredValues.writeDocument(out, document);
  }

  @Override
  public Document read(ByteBuffer in) {
    return StoredValues.readDocument(in);
  }

  @Override
  public Document[] createStorage(int size) {
    return new Document[size];
  }
}
