package dev.ticketing.mongowire;

import de.bwaldvogel.mongo.MongoServer;
import dev.ticketing.mongowire.storage.StorageLayout;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the MongoDB stand-in as its own process for local runs: the mongo-java-server wire
 * protocol on an H2 file, every write committed before it is acknowledged. Settings come from the
 * environment: MONGO_WIRE_HOST (127.0.0.1), MONGO_WIRE_PORT (27017), MONGO_WIRE_FILE
 * (data/mongo/ticketing.mv). Stopped with SIGTERM it commits and closes the file cleanly.
 */
public final class MongoWireMain {

  private static final int WORKER_THREADS = 32;

  private static final Logger log = LoggerFactory.getLogger(MongoWireMain.class);

  private MongoWireMain() {
  }

  public static void main(String[] args) throws Exception {
    String host = env("MONGO_WIRE_HOST", "127.0.0.1");
    int port = parsePort(env("MONGO_WIRE_PORT", "27017"));
    Path file = Path.of(env("MONGO_WIRE_FILE", "data/mongo/ticketing.mv")).toAbsolutePath();
    Files.createDirectories(file.getParent());

    MongoServer server = new MongoServer(new CommittingH2Backend(StorageLayout.openFile(file)));
    InetSocketAddress address = new InetSocketAddress(host, port);
    // A write waiting for its commit holds its worker thread; enough of them let many writes share one commit.
    server.bind(address, 1, WORKER_THREADS);
    log.info("Mongo wire server listening on {}:{} with data in {}", host, port, file);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Mongo wire server stopping");
      server.shutdown(); // closes the backend, which commits and closes the MVStore file
      stopped.countDown();
    }, "mongo-wire-shutdown"));
    stopped.await();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("MONGO_WIRE_PORT must be a port number 1..65535, got '" + text + "'");
  }
}
