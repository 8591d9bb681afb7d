package dev.ticketing.mongowire;

import static dev.ticketing.mongowire.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.ticketing.mongowire.storage.StorageLayout;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stand-in's file layout (BSON documents, index keys ordered by value): what is written reads
 * back the same after a restart, unique indexes still refuse duplicates and still serve lookups,
 * and a file written by the library's default layout is converted at the first start.
 */
@ExtendWith(VertxExtension.class)
class StorageLayoutTest {

  private static final JsonObject TICKET = new JsonObject()
      .put("_id", "6b0f2c8ba3dad17cbf3d1835").put("title", "Jazz night, row 5").put("price", 2050L).put("small", 7)
      .put("ratio", 0.25).put("sold", false).put("orderId", null).put("at", new JsonObject().put("$date", "2026-12-01T10:00:00Z"))
      .put("marks", new JsonArray().add(new JsonObject().put("id", "o1").put("version", 2L)).add("text"))
      .put("nested", new JsonObject().put("deeper", new JsonObject().put("n", 1)));

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void documentsAndIndexesSurviveARestart(Vertx vertx) throws Exception {
    Path file = Files.createTempDirectory("layout").resolve("data.mv");

    ReadBack found = roundTrip(file, vertx, () -> new CommittingH2Backend(openLaidOut(file)));

    assertEquals(TICKET.copy().put("holder", "h-1"), found.ticket());
    assertEquals("second", found.byHolder().getString("_id"), "the index still serves lookups");
    assertEquals("refused", found.duplicate(), "the unique index still refuses a duplicate");
    assertEquals(1L, found.removed());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aFileInTheDefaultLayoutIsConverted(Vertx vertx) throws Exception {
    Path file = Files.createTempDirectory("layout").resolve("data.mv");

    ReadBack found = roundTrip(file, vertx, () -> new H2Backend(file.toString()));

    assertEquals(TICKET.copy().put("holder", "h-1"), found.ticket());
    assertEquals("second", found.byHolder().getString("_id"), "the index still serves lookups");
    assertEquals("refused", found.duplicate(), "the unique index still refuses a duplicate");
    assertEquals(1L, found.removed());
    assertTrue(Files.exists(file.resolveSibling("data.mv.java-serialized")), "the old file is kept");
  }

  /**
   * What the restarted server answers: the ticket by id, the second document by its holder, whether a duplicate
   * holder was "inserted" or "refused", and how many documents removing the first holder's removed.
   */
  private record ReadBack(JsonObject ticket, JsonObject byHolder, String duplicate, long removed) {
  }

  /** Writes with {@code firstBackend}, restarts on the laid-out backend, and reads back. */
  private static ReadBack roundTrip(Path file, Vertx vertx, Supplier<H2Backend> firstBackend) throws Exception {
    MongoServer first = new MongoServer(firstBackend.get());
    InetSocketAddress address = first.bind();
    MongoClient writer = client(vertx, address);
    await(writer.createIndexWithOptions("tickets", new JsonObject().put("holder", 1),
        new IndexOptions().unique(true).sparse(true)));
    await(writer.insert("tickets", TICKET.copy().put("holder", "h-1")));
    await(writer.insert("tickets", new JsonObject().put("_id", "second").put("holder", "h-2")));
    writer.close();
    first.shutdown();

    MongoServer second = new MongoServer(new CommittingH2Backend(openLaidOut(file)));
    try {
      MongoClient reader = client(vertx, second.bind());
      JsonObject ticket = await(reader.findOne("tickets", new JsonObject().put("_id", TICKET.getString("_id")), null));
      JsonObject byHolder = await(reader.findOne("tickets", new JsonObject().put("holder", "h-2"), null));
      String duplicate = await(reader.insert("tickets", new JsonObject().put("_id", "third").put("holder", "h-1"))
          .map("inserted").otherwise("refused"));
      long removed = await(reader.removeDocuments("tickets", new JsonObject().put("holder", "h-1"))).getRemovedCount();
      return new ReadBack(ticket, byHolder, duplicate, removed);
    } finally {
      second.shutdown();
    }
  }

  private static org.h2.mvstore.MVStore openLaidOut(Path file) {
    try {
      return StorageLayout.openFile(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static MongoClient client(Vertx vertx, InetSocketAddress address) {
    return MongoClient.createShared(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + address.getPort()).put("db_name", "layout"), "layout-" + address.getPort());
  }
}
