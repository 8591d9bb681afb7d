package dev.ticketing.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.ticketing.platform.mongo.MongoSettings;
import java.net.InetSocketAddress;

/** A real Mongo wire-protocol server (mongo-java-server, in memory) on a free port, for tests. */
public final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final InetSocketAddress address;

  public EmbeddedMongo() {
    server.bind("127.0.0.1", 0);
    address = server.getLocalAddress();
  }

  public String uri() {
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  public MongoSettings settings(String database) {
    return new MongoSettings(uri(), database);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
