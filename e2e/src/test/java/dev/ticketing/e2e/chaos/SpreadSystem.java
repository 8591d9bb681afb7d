package dev.ticketing.e2e.chaos;

import static dev.ticketing.platform.testing.Blocking.eventually;

import dev.ticketing.e2e.support.JvmProcess;
import dev.ticketing.platform.testing.PrivateSystem;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The system spread over {@link Hosts}, as an operator would run it on three machines: the stores
 * (the Mongo stand-in, Redis, the Stripe sandbox) on the data tier, and the service JVMs on the
 * hosts, each bound to its host's address, Hazelcast joined by a TCP-IP member list of every host,
 * the event bus advertising the host's address. Two instances each of tickets, orders and payments,
 * on different hosts; host 3 holds only second instances, so cutting it off leaves one of each on
 * the majority side.
 */
final class SpreadSystem implements AutoCloseable {

  /** One service JVM: its name (instance k is NAME-k), the service, and the host it runs on. */
  record Instance(String name, String service, int host) {

    String managementUrl() {
      return "http://" + Hosts.address(host) + ":" + MANAGEMENT_PORTS.get(service);
    }
  }

  static final List<Instance> LAYOUT = List.of(
      new Instance("gateway", "gateway", 1), new Instance("auth", "auth", 1),
      new Instance("tickets", "tickets", 1), new Instance("orders", "orders", 1),
      new Instance("payments", "payments", 2), new Instance("expiration", "expiration", 2),
      new Instance("tickets-2", "tickets", 3), new Instance("orders-2", "orders", 3), new Instance("payments-2", "payments", 3));
  static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("gateway", 9100, "auth", 9101, "tickets", 9102,
      "orders", 9103, "expiration", 9104, "payments", 9105);
  static final int HTTP_PORT = 8080;
  private static final int MONGO_PORT = 27117;
  private static final int REDIS_PORT = 6390;
  private static final int SANDBOX_PORT = 12121;
  private static final String WEBHOOK_SECRET = "whsec_multihost_secret";
  private static final String JWT_KEY = "multihost-key-multihost-key-multihost-key-0123";
  /** Hazelcast ports a host's JVMs take, counting up from 5701: every one is in the member list. */
  private static final int MEMBERS_PER_HOST = 4;

  private final Path root;
  private final Path work;
  private final Map<String, JvmProcess> processes = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process redis;
  /** Instances that exited and were started again, as a supervisor (systemd, Kubernetes) would. */
  private final Map<String, Integer> restarts = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean closing;
  private Thread supervisor;

  SpreadSystem(Path root, Path work) {
    this.root = root;
    this.work = work;
  }

  String gatewayUrl() {
    return "http://" + Hosts.address(1) + ":" + HTTP_PORT;
  }

  String mongoUri() {
    return "mongodb://" + Hosts.DATA_TIER + ":" + MONGO_PORT;
  }

  String stripeBase() {
    return "http://" + Hosts.DATA_TIER + ":" + SANDBOX_PORT;
  }

  /** Starts the stores, then every service instance on its host, and waits until each is ready. */
  void start(Map<String, String> settings) throws IOException, InterruptedException {
    Files.createDirectories(work);
    redis = new ProcessBuilder("redis-server", "--bind", Hosts.DATA_TIER, "--port", String.valueOf(REDIS_PORT),
        "--dir", work.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
        // Redis refuses other addresses than loopback without a password; the data tier is private to the test.
        "--protected-mode", "no")
        .redirectErrorStream(true).redirectOutput(work.resolve("redis.log").toFile()).start();
    launch(List.of(), "mongo-wire", "mongo-wire", Map.of("MONGO_WIRE_HOST", Hosts.DATA_TIER,
        "MONGO_WIRE_PORT", String.valueOf(MONGO_PORT), "MONGO_WIRE_FILE", work.resolve("mongo.mv").toString()));
    launch(List.of(), "stripe-sandbox", "stripe-sandbox", Map.of("STRIPE_SANDBOX_HOST", Hosts.DATA_TIER,
        "STRIPE_SANDBOX_PORT", String.valueOf(SANDBOX_PORT), "STRIPE_SANDBOX_WEBHOOK_SECRET", WEBHOOK_SECRET,
        "STRIPE_SANDBOX_WEBHOOK_URL", gatewayUrl() + "/api/webhooks/stripe"));
    for (int port : List.of(REDIS_PORT, MONGO_PORT, SANDBOX_PORT)) {
      eventually("the data tier listening on " + port, Duration.ofSeconds(60), () -> listens(Hosts.DATA_TIER, port));
    }
    String cluster = "multihost-" + ProcessHandle.current().pid();
    String members = String.join(",", IntStream.rangeClosed(1, 3).boxed()
        .flatMap(host -> IntStream.range(0, MEMBERS_PER_HOST).mapToObj(k -> Hosts.address(host) + ":" + (5701 + k))).toList());
    for (Instance instance : LAYOUT) {
      Map<String, String> environment = new HashMap<>(settings);
      environment.putAll(Map.of("TICKETING_CONF_DIR", root.resolve("conf").toString(),
          "CLUSTER_NAME", cluster, "CLUSTER_MEMBERS", members, "CLUSTER_PORT", "5701",
          "CLUSTER_INTERFACE", Hosts.address(instance.host()), "CLUSTER_HOST", Hosts.address(instance.host()),
          "MONGO_URI", mongoUri(), "REDIS_URI", "redis://" + Hosts.DATA_TIER + ":" + REDIS_PORT,
          "STRIPE_KEY", PrivateSystem.STRIPE_KEY, "STRIPE_API_BASE", stripeBase()));
      if (instance.service().equals("gateway")) {
        environment.putAll(Map.of("HTTP_PORT", String.valueOf(HTTP_PORT), "JWT_KEY", JWT_KEY,
            "STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET));
      }
      launch(Hosts.on(instance.host()), instance.name(), instance.service(), environment);
    }
    for (Instance instance : LAYOUT) {
      JvmProcess process = processes.get(instance.name());
      eventually(instance.name() + " ready on host " + instance.host() + " (log: " + work.resolve(instance.name() + ".log") + ")",
          Duration.ofSeconds(300), () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(instance.name() + " exited; see its log");
            }
            return answers200(instance.managementUrl() + "/ready");
          });
    }
    supervise();
  }

  Path logs() {
    return work;
  }

  Map<String, Integer> restarts() {
    return Map.copyOf(restarts);
  }

  /** Starts again any service instance that exits, once a second, as a supervisor does. */
  private void supervise() {
    supervisor = Thread.ofVirtual().name("supervisor").start(() -> {
      while (!closing) {
        for (Instance instance : LAYOUT) {
          JvmProcess process = processes.get(instance.name());
          if (!closing && process != null && !process.isAlive()) {
            restarts.merge(instance.name(), 1, Integer::sum);
            process.start();
          }
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  /** The body of a GET, or null when there was no 200 answer. */
  String get(String url) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException notNow) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private boolean answers200(String url) {
    return get(url) != null;
  }

  private static boolean listens(String host, int port) {
    try (Socket ignored = new Socket(host, port)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private void launch(List<String> prefix, String name, String module, Map<String, String> environment) {
    JvmProcess process = new JvmProcess(prefix, name, JvmProcess.jarOf(root, module), environment, work.resolve(name + ".log"));
    processes.put(name, process);
    process.start();
  }

  @Override
  public void close() {
    closing = true;
    if (supervisor != null) {
      supervisor.interrupt();
    }
    List<JvmProcess> reversed = new ArrayList<>(processes.values());
    Collections.reverse(reversed);
    reversed.forEach(JvmProcess::stop);
    if (redis != null) {
      redis.destroy();
      try {
        redis.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
