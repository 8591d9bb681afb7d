package dev.ticketing.mongowire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.ticketing.mongowire.storage.StorageLayout;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.MongoClientDeleteResult;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
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
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void documentsAndIndexesSurviveARestart(Vertx vertx, VertxTestContext test) throws Exception {
    Path file = Files.createTempDirectory("layout").resolve("data.mv");
    roundTrip(file, vertx, () -> new CommittingH2Backend(openLaidOut(file))).onComplete(test.succeeding(found -> test.verify(() -> {
      assertReadBack(found);
      test.completeNow();
    })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void aFileInTheDefaultLayoutIsConverted(Vertx vertx, VertxTestContext test) throws Exception {
    Path file = Files.createTempDirectory("layout").resolve("data.mv");
    roundTrip(file, vertx, () -> new H2Backend(file.toString())).onComplete(test.succeeding(found -> test.verify(() -> {
      assertReadBack(found);
      assertTrue(Files.exists(file.resolveSibling("data.mv.java-serialized")), "the old file is kept");
      test.completeNow();
    })));
  }

  /** Writes with {@code firstBackend}, restarts on the laid-out backend, and reads back. */
  private static Future<List<Object>> roundTrip(Path file, Vertx vertx, Supplier<H2Backend> firstBackend) {
    MongoServer first = new MongoServer(firstBackend.get());
    InetSocketAddress address = first.bind();
    MongoClient writer = client(vertx, address);
    Future<Void> written = writer.createIndexWithOptions("tickets", new JsonObject().put("holder", 1),
            new IndexOptions().unique(true).sparse(true))
        .compose(indexed -> writer.insert("tickets", TICKET.copy().put("holder", "h-1")))
        .compose(inserted -> writer.insert("tickets", new JsonObject().put("_id", "second").put("holder", "h-2")))
        .mapEmpty();
    return written.compose(done -> {
      writer.close();
      first.shutdown();
      MongoServer second = new MongoServer(new CommittingH2Backend(openLaidOut(file)));
      MongoClient reader = client(vertx, second.bind());
      List<Object> found = new java.util.ArrayList<>();
      return reader.findOne("tickets", new JsonObject().put("_id", TICKET.getString("_id")), null).map(found::add)
          .compose(next -> reader.findOne("tickets", new JsonObject().put("holder", "h-2"), null).map(found::add))
          .compose(next -> reader.insert("tickets", new JsonObject().put("_id", "third").put("holder", "h-1"))
              .map("inserted").otherwise("refused").map(found::add))
          .compose(next -> reader.removeDocuments("tickets", new JsonObject().put("holder", "h-1"))
              .map(MongoClientDeleteResult::getRemovedCount).map(found::add))
          .map(all -> found)
          .onComplete(any -> second.shutdown());
    });
  }

  private static void assertReadBack(List<Object> found) {
    assertEquals(TICKET.copy().put("holder", "h-1"), found.get(0));
    assertEquals("second", ((JsonObject) found.get(1)).getString("_id"), "the index still serves lookups");
    assertEquals("refused", found.get(2), "the unique index still refuses a duplicate");
    assertEquals(1L, found.get(3));
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
