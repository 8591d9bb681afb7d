package dev.ticketing.platform.testing;

import dev.ticketing.platform.redis.RedisSettings;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server ({@link RedisProcess}) as a JUnit extension, so a test class says what it
 * needs instead of starting and stopping it by hand:
 * <pre>
 *   &#64;RegisterExtension final RedisServer redis = new RedisServer();         // a fresh one per test
 *   &#64;RegisterExtension static final RedisServer redis = new RedisServer();  // one for the class
 * </pre>
 * It starts before the class's {@code @BeforeAll} / {@code @BeforeEach} methods and stops after its
 * {@code @AfterEach} / {@code @AfterAll} ones, so a test can close its Vert.x first; a Vert.x given to
 * {@link #client(Vertx)} is closed first without the test asking.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private final List<Vertx> closedBeforeStopping = new ArrayList<>();
  private RedisProcess process;
  private boolean perClass;

  public int port() {
    return running().port();
  }

  public RedisSettings settings() {
    return running().settings();
  }

  /**
   * A client of this Redis in {@code vertx}. That Vert.x is closed before Redis stops, so nothing in it (this
   * client, a verticle polling Redis) is left talking to a Redis that is going away.
   */
  public RedisAPI client(Vertx vertx) {
    RedisAPI client = settings().client(vertx);
    closedBeforeStopping.add(vertx);
    return client;
  }

  /** Stops Redis as a crash would (SIGKILL) and starts it again on the same data. */
  public void crashAndRestart() {
    running().crashAndRestart();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    process = new RedisProcess();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      process = new RedisProcess();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      stop();
    }
  }

  private RedisProcess running() {
    if (process == null) {
      throw new IllegalStateException("Redis is not running: register this with @RegisterExtension");
    }
    return process;
  }

  private void stop() throws Exception {
    try {
      for (Vertx vertx : closedBeforeStopping) {
        Blocking.await(vertx.close());
      }
    } finally {
      closedBeforeStopping.clear();
      if (process != null) {
        process.close();
        process = null;
      }
    }
  }
}
