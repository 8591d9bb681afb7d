package dev.ticketing.mongowire;

import static dev.ticketing.mongowire.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stand-in's durability promise: a write it acknowledged is in its file, even when the
 * process is killed (SIGKILL) right after. Without commit-per-write, MVStore's ~1 s auto-commit
 * loses the last writes.
 */
@ExtendWith(VertxExtension.class)
class KilledServerKeepsAcknowledgedWritesTest {

  private static final int WRITES = 200;

  private Process server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyAcknowledgedWriteSurvivesAKill(Vertx vertx) throws Exception {
    Path file = Files.createTempDirectory("mongo-wire").resolve("data.mv");
    int port = freePort();
    server = start(file, port);
    MongoClient before = client(vertx, port);
    // Inserts and updates, each acknowledged, then an immediate SIGKILL.
    await(Future.all(IntStream.range(0, WRITES)
        .mapToObj(i -> before.insert("things", new JsonObject().put("_id", "t" + i).put("n", i))).toList()));
    await(before.updateCollection("things", new JsonObject().put("_id", "t7"),
        new JsonObject().put("$set", new JsonObject().put("n", 700))));

    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    server = start(file, port);

    before.close();
    MongoClient after = client(vertx, port);
    Long count = await(after.count("things", new JsonObject()));
    assertEquals(WRITES, count);
    assertEquals(700, await(after.findOne("things", new JsonObject().put("_id", "t7"), null)).getInteger("n"));
  }

  private static MongoClient client(Vertx vertx, int port) {
    return MongoClient.create(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + port).put("db_name", "durability"));
  }

  /** The server's own main in a child JVM, on this test's classpath, ready when its port accepts. */
  private static Process start(Path file, int port) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        MongoWireMain.class.getName()))
        .redirectErrorStream(true)
        .redirectOutput(file.resolveSibling("server.log").toFile());
    builder.environment().put("MONGO_WIRE_PORT", String.valueOf(port));
    builder.environment().put("MONGO_WIRE_FILE", file.toString());
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return process;
      } catch (IOException notYet) {
        Thread.sleep(50); // polling another process's port; there is nothing to wait on instead
      }
    }
    throw new IllegalStateException("mongo-wire did not start; see " + file.resolveSibling("server.log"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
