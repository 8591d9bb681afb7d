package dev.ticketing.e2e.support;

import dev.ticketing.platform.testing.Blocking;
import dev.ticketing.platform.testing.Ports;
import dev.ticketing.platform.testing.RedisProcess;
import dev.ticketing.platform.testing.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system as `./ticketing up` runs it, for one test class: the Mongo wire server, a real
 * redis-server, the Stripe sandbox and each chosen service in its own JVM, joined in a private
 * Hazelcast cluster (own name, own ports) so it never meets a developer's running system.
 * Logs go to e2e/target/e2e-logs/&lt;test&gt;/.
 */
public final class LocalSystem implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  /** The gateways' session key: tests forge tokens with it (expired ones) and without it. */
  public static final String JWT_KEY = "e2e-test-key-e2e-test-key-e2e-test-key-0123";
  /** The sandbox signs its webhooks with this; the gateway checks it. */
  public static final String WEBHOOK_SECRET = "whsec_e2e_webhook_secret";
  /** Every domain service; the gateway always runs. */
  public static final List<String> EVERY_SERVICE = List.of("auth", "tickets", "orders", "expiration", "payments");

  private final Path root = Path.of(System.getProperty("ticketing.root", "..")).toAbsolutePath().normalize();
  private final Path logs;
  private final TestCluster cluster = new TestCluster();
  private final RedisProcess redis = new RedisProcess();
  private final Map<String, JvmProcess> processes = new LinkedHashMap<>();
  private final Map<String, Integer> managementPorts = new HashMap<>();
  private final int gatewayPort = Ports.free();
  private String mongoUri;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalSystem(String testName) {
    try {
      // Each run starts from nothing: no data (the Mongo file lives here too) or logs of the last run.
      Path folder = root.resolve("e2e/target/e2e-logs").resolve(testName);
      if (Files.exists(folder)) {
        try (var old = Files.walk(folder)) {
          old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
      logs = Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> services = List.of();
  private Map<String, String> settings = Map.of();

  /**
   * The system for one test class, as a JUnit extension: {@code @RegisterExtension static final
   * LocalSystem system = LocalSystem.forTests(...)} starts it before the class's {@code @BeforeAll}
   * methods and stops it after its {@code @AfterAll} ones.
   */
  public static LocalSystem forTests(String testName, List<String> services, Map<String, String> settings) {
    LocalSystem system = new LocalSystem(testName);
    system.services = services;
    system.settings = settings;
    return system;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      startAll(services, settings);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /**
   * Starts the stores and {@code services} (any of auth, tickets, orders, expiration, payments;
   * the gateway always), and waits until each is ready.
   */
  public static LocalSystem start(String testName, List<String> services, Map<String, String> settings) {
    LocalSystem system = new LocalSystem(testName);
    try {
      system.startAll(services, settings);
      return system;
    } catch (RuntimeException | Error e) {
      system.close();
      throw e;
    }
  }

  public int gatewayPort() {
    return gatewayPort;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  /** A JVM's management port (/health, /ready, /metrics, /outbox). */
  public int managementPort(String name) {
    return managementPorts.get(name);
  }

  /** The Mongo wire server every service uses (each in its own database), for checks behind the API. */
  public String mongoUri() {
    return mongoUri;
  }

  public Path logs() {
    return logs;
  }

  /** Graceful stop (SIGTERM) of one JVM. */
  public void stop(String name) {
    processes.get(name).stop();
  }

  /** Crash (SIGKILL) of one JVM. */
  public void kill(String name) {
    processes.get(name).kill();
  }

  /** Starts a stopped JVM again and waits until it is ready. */
  public void restart(String name) {
    JvmProcess process = processes.get(name);
    process.start();
    awaitReady(List.of(process));
  }

  /** The process id of a service's JVM, for measurements. */
  public long pid(String name) {
    return processes.get(name).pid();
  }

  private void startAll(List<String> services, Map<String, String> settings) {
    Map<String, String> shared = new HashMap<>(cluster.environment());
    shared.put("TICKETING_CONF_DIR", root.resolve("conf").toString());
    mongoUri = "mongodb://127.0.0.1:" + startMongo();
    shared.put("MONGO_URI", mongoUri);
    shared.put("REDIS_URI", "redis://127.0.0.1:" + redis.port());
    if (services.contains("payments")) {
      int stripePort = Ports.free();
      Map<String, String> sandbox = new HashMap<>(settings); // STRIPE_SANDBOX_LATENCY_MS, for one
      sandbox.put("STRIPE_SANDBOX_PORT", String.valueOf(stripePort));
      // Webhooks to our gateway, unless the test turned them off (STRIPE_SANDBOX_WEBHOOK_URL "").
      sandbox.putIfAbsent("STRIPE_SANDBOX_WEBHOOK_URL", baseUrl() + "/api/webhooks/stripe");
      if (!sandbox.get("STRIPE_SANDBOX_WEBHOOK_URL").isEmpty()) {
        sandbox.put("STRIPE_SANDBOX_WEBHOOK_SECRET", WEBHOOK_SECRET);
      }
      launch("stripe-sandbox", sandbox);
      awaitPort(stripePort, "stripe-sandbox");
      shared.put("STRIPE_KEY", "sk_test_e2e");
      shared.put("STRIPE_API_BASE", "http://127.0.0.1:" + stripePort);
    }
    shared.putAll(settings);

    List<JvmProcess> started = new ArrayList<>();
    for (String service : services) {
      int port = Ports.free();
      managementPorts.put(service, port);
      Map<String, String> environment = new HashMap<>(shared);
      environment.put(service.toUpperCase(Locale.ROOT) + "_MANAGEMENT_PORT", String.valueOf(port));
      started.add(launch(service, environment));
    }
    Map<String, String> gateway = new HashMap<>(shared);
    int gatewayManagement = Ports.free();
    managementPorts.put("gateway", gatewayManagement);
    gateway.putAll(Map.of("HTTP_HOST", "127.0.0.1", "HTTP_PORT", String.valueOf(gatewayPort), "JWT_KEY", JWT_KEY,
        "STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET, "GATEWAY_MANAGEMENT_PORT", String.valueOf(gatewayManagement)));
    started.add(launch("gateway", gateway));
    awaitReady(started);
    // Remote handlers become visible ~1 s after a join: wait until the gateway sees every service we started.
    await("the gateway to see " + services, () -> gatewaySees(services));
  }

  private boolean gatewaySees(List<String> services) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/ready")).timeout(Duration.ofSeconds(3)).GET().build();
      JsonObject readiness = new JsonObject(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
      return readiness.getJsonArray("checks", new JsonArray()).stream()
          .map(JsonObject.class::cast)
          .filter(check -> services.contains(check.getString("id")))
          .filter(check -> "UP".equals(check.getString("status")))
          .count() == services.size();
    } catch (IOException | RuntimeException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private int startMongo() {
    int port = Ports.free();
    launch("mongo-wire", Map.of("MONGO_WIRE_PORT", String.valueOf(port),
        "MONGO_WIRE_FILE", logs.resolve("mongo.mv").toString()));
    awaitPort(port, "mongo-wire");
    return port;
  }

  private JvmProcess launch(String name, Map<String, String> environment) {
    JvmProcess process = new JvmProcess(name, JvmProcess.jarOf(root, name), environment, logs.resolve(name + ".log"));
    processes.put(name, process);
    process.start();
    return process;
  }

  /** A service is ready when its /ready answers 200; the gateway when its own /health does. */
  private void awaitReady(List<JvmProcess> starting) {
    for (JvmProcess process : starting) {
      String url = "http://127.0.0.1:" + managementPorts.get(process.name())
          + (process.name().equals("gateway") ? "/health" : "/ready");
      await(process.name() + " ready (log: " + process.log() + ")", () -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(process.name() + " exited; see " + process.log());
        }
        return answers200(url);
      });
    }
  }

  private void awaitPort(int port, String what) {
    await(what + " listening on " + port, () -> {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return true;
      } catch (IOException notYet) {
        return false;
      }
    });
  }

  private boolean answers200(String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Polls a condition of other processes; there is nothing to be notified by, so this waits in small steps. */
  static void await(String what, BooleanSupplier condition) {
    try {
      Blocking.eventually(what, READY_TIMEOUT, condition);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what);
    }
  }

  @Override
  public void close() {
    List<JvmProcess> reversed = new ArrayList<>(processes.values());
    java.util.Collections.reverse(reversed);
    reversed.forEach(JvmProcess::stop);
    redis.close();
  }
}
