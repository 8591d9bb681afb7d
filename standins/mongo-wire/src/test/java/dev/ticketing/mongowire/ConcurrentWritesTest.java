package dev.ticketing.mongowire;

import static dev.ticketing.mongowire.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.MongoServer;
import dev.ticketing.mongowire.storage.StorageLayout;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many clients updating the same documents at once while commits write them: every update is
 * acknowledged and counted, none fails on a document changed under the commit (before queries
 * handed out copies, this failed with a ConcurrentModificationException), and the file read again
 * after a restart holds the same counts.
 */
@ExtendWith(VertxExtension.class)
class ConcurrentWritesTest {

  private static final int DOCUMENTS = 50;
  private static final int WRITERS = 48;
  private static final int UPDATES_EACH = 100;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void concurrentUpdatesAreAllAppliedAndStored(Vertx vertx) throws Exception {
    var file = Files.createTempDirectory("concurrent").resolve("data.mv");
    MongoServer server = new MongoServer(new CommittingH2Backend(StorageLayout.openFile(file)));
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
    server.bind(address, 1, 32);
    MongoClient mongo = client(vertx, server.getLocalAddress());
    await(Future.all(IntStream.range(0, DOCUMENTS).mapToObj(i -> mongo.insert("counters",
        new JsonObject().put("_id", "c" + i).put("n", 0).put("log", new JsonArray()))).toList()));

    await(Future.all(IntStream.range(0, WRITERS).mapToObj(writer -> updates(mongo, writer, 0)).toList()));

    mongo.close();
    server.shutdown();
    List<JsonObject> counters = readAfterARestart(vertx, file);
    assertEquals(DOCUMENTS, counters.size());
    int total = counters.stream().mapToInt(counter -> counter.getInteger("n")).sum();
    assertEquals(WRITERS * UPDATES_EACH, total, "every acknowledged update is in the file");
    counters.forEach(counter -> assertEquals(counter.getInteger("n"), counter.getJsonArray("log").size()));
  }

  /** The counters as a server started again on {@code file} reads them. */
  private static List<JsonObject> readAfterARestart(Vertx vertx, Path file) throws Exception {
    MongoServer again = new MongoServer(new CommittingH2Backend(StorageLayout.openFile(file)));
    try {
      return await(client(vertx, again.bind()).find("counters", new JsonObject()));
    } finally {
      again.shutdown();
    }
  }

  /** One writer's updates, one after another, each to a document others are updating too. */
  private static Future<Void> updates(MongoClient mongo, int writer, int done) {
    if (done == UPDATES_EACH) {
      return Future.succeededFuture();
    }
    String id = "c" + ((writer + done) % DOCUMENTS);
    // Fields come and go, as an outbox's do: the library changes a document's set of keys in place.
    JsonObject update = new JsonObject().put("$inc", new JsonObject().put("n", 1))
        .put("$push", new JsonObject().put("log", writer + "/" + done))
        .put(done % 2 == 0 ? "$set" : "$unset", new JsonObject().put("pending-" + writer, done));
    return mongo.updateCollection("counters", new JsonObject().put("_id", id), update)
        .compose(updated -> updates(mongo, writer, done + 1));
  }

  private static MongoClient client(Vertx vertx, InetSocketAddress address) {
    return MongoClient.createShared(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + address.getPort()).put("db_name", "concurrent")
        .put("maxPoolSize", WRITERS), "concurrent-" + address.getPort());
  }

}
