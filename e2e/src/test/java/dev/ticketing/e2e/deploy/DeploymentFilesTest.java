package dev.ticketing.e2e.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files under docker/ against the code: every image is one docker/build-images.sh
 * builds, every environment variable is one its module (or the platform, or the image) reads, every
 * port is the one that variable sets, every probe is /health or /ready on it, every secret key
 * exists. Reads the files only (kubectl kustomize renders the overlays where kubectl exists); no
 * engine, no cluster.
 */
class DeploymentFilesTest {

  private static final List<String> SERVICES = List.of("auth", "tickets", "orders", "expiration", "payments", "gateway");
  private static final List<String> STAND_INS = List.of("mongo-wire", "stripe-sandbox");
  /** Built by docker/build-images.sh: the verticles and the local Redis. */
  private static final Set<String> OUR_IMAGES = Set.of("auth", "tickets", "orders", "expiration", "payments", "gateway",
      "mongo-wire", "stripe-sandbox", "redis");
  /** Pulled by compose.yaml; the override replaces both. */
  private static final Set<String> PULLED_IMAGES = Set.of("mongo", "redis");
  private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");

  private static Path root;
  private static Map<String, Set<String>> readBy;

  @BeforeAll
  static void readTheCode() {
    root = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(root.resolve("docker/compose.yaml"))) {
      root = Objects.requireNonNull(root.getParent(), "no docker/compose.yaml above the working directory");
    }
    Set<String> image = imageVariables();
    Set<String> platform = literals(root.resolve("verticles/platform/src/main/java"));
    readBy = new HashMap<>();
    for (String service : SERVICES) {
      Set<String> names = new HashSet<>(image);
      names.addAll(platform);
      names.addAll(literals(root.resolve("verticles/" + service + "/src/main/java")));
      // MongoSettings reads <SERVICE>_MONGO_URI and <SERVICE>_MONGO_DB by concatenation.
      names.add(service.toUpperCase() + "_MONGO_URI");
      names.add(service.toUpperCase() + "_MONGO_DB");
      readBy.put(service, names);
    }
    for (String standIn : STAND_INS) {
      Set<String> names = new HashSet<>(image);
      names.addAll(literals(root.resolve("standins/" + standIn + "/src/main/java")));
      readBy.put(standIn, names);
    }
    // Dockerfile.redis: redis-server's command line, no variables.
    readBy.put("redis", Set.of());
  }

  @Test
  void theVariableListsComeFromTheCode() {
    assertTrue(readBy.get("tickets").contains("TICKETS_MANAGEMENT_PORT"));
    assertTrue(readBy.get("tickets").contains("CLUSTER_KUBERNETES_SERVICE_DNS"), "platform keys apply to every service");
    assertFalse(readBy.get("tickets").contains("JWT_KEY"), "only the gateway reads JWT_KEY");
    assertTrue(readBy.get("mongo-wire").contains("MONGO_WIRE_FILE"));
    assertTrue(readBy.get("gateway").contains("JAVA_OPTS"), "the image's entrypoint reads JAVA_OPTS");
    assertTrue(readBy.get("gateway").contains("GATEWAY_MANAGEMENT_PORT"), "the gateway serves /health, /ready and /metrics there");
  }

  @Test
  void composeFilesNameOnlyWhatExists() {
    Map<String, Object> base = yamlFile("docker/compose.yaml");
    Map<String, Object> override = yamlFile("docker/compose.standins.yaml");
    assertEquals("2.4", base.get("version"), "docker-compose 1.29 honours depends_on conditions in 2.x");
    assertEquals("2.4", override.get("version"));
    Map<String, Object> baseServices = map(base.get("services"));
    Map<String, Object> merged = new LinkedHashMap<>();
    baseServices.forEach((name, service) -> merged.put(name, new LinkedHashMap<>(map(service))));
    map(override.get("services")).forEach((name, service) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> target = (Map<String, Object>) merged.computeIfAbsent(name, n -> new LinkedHashMap<>());
      Map<String, Object> environment = new LinkedHashMap<>(map(target.getOrDefault("environment", Map.of())));
      environment.putAll(map(map(service).getOrDefault("environment", Map.of())));
      target.putAll(map(service));
      target.put("environment", environment);
    });

    for (String service : SERVICES) {
      assertTrue(baseServices.containsKey(service), "compose.yaml runs " + service);
    }
    checkCompose("compose.yaml", baseServices);
    checkCompose("compose.yaml + compose.standins.yaml", merged);
    assertEquals("ticketing/mongo-wire:latest", map(merged.get("mongo")).get("image"));
    assertEquals("ticketing/redis:latest", map(merged.get("redis")).get("image"));
    assertTrue(map(map(merged.get("payments")).get("environment")).containsKey("STRIPE_API_BASE"));
    List<?> published = (List<?>) map(baseServices.get("gateway")).get("ports");
    assertEquals(1, published.size(), "the gateway alone is published");
    assertTrue(String.valueOf(published.get(0)).endsWith(":8080"), String.valueOf(published.get(0)));
    for (String service : SERVICES) {
      if (!service.equals("gateway")) {
        assertFalse(map(baseServices.get(service)).containsKey("ports"), service + " is not published");
      }
    }
    List<?> redisCommand = (List<?>) map(baseServices.get("redis")).get("command");
    assertTrue(redisCommand.contains("--appendonly") && redisCommand.contains("yes"), "Redis keeps its AOF");
  }

  private static void checkCompose(String what, Map<String, Object> services) {
    services.forEach((name, value) -> {
      Map<String, Object> service = map(value);
      String image = String.valueOf(service.get("image"));
      String module = module(image);
      if (module == null) {
        assertTrue(PULLED_IMAGES.contains(image.replaceAll(":.*", "")), what + ": " + name + " uses unknown image " + image);
        return;
      }
      Map<String, String> environment = new LinkedHashMap<>();
      map(service.getOrDefault("environment", Map.of())).forEach((key, v) -> environment.put(key, String.valueOf(v)));
      checkVariables(what + " " + name, module, environment.keySet());
      if (SERVICES.contains(module)) {
        int port = Integer.parseInt(environment.getOrDefault(portVariable(module), "0"));
        assertEquals(defaultPort(module), port, what + " " + name + ": " + portVariable(module) + " as conf/ has it");
        assertEquals(name, environment.get("CLUSTER_HOST"), what + " " + name + ": the event bus advertises the container's name");
      }
    });
  }

  @Test
  void kubernetesOverlaysNameOnlyWhatExists() {
    for (String overlay : List.of("local", "production")) {
      List<Map<String, Object>> documents = render("docker/kubernetes/overlays/" + overlay);
      checkKubernetes(overlay, documents);
    }
  }

  private static void checkKubernetes(String overlay, List<Map<String, Object>> documents) {
    Map<String, Map<String, Object>> configMaps = new HashMap<>();
    Map<String, Set<String>> secrets = new HashMap<>();
    Map<String, Map<String, Object>> services = new HashMap<>();
    Set<String> budgets = new HashSet<>();
    List<Map<String, Object>> deployments = new ArrayList<>();
    Map<String, Object> ingress = null;
    for (Map<String, Object> document : documents) {
      String name = String.valueOf(map(document.get("metadata")).get("name"));
      switch (String.valueOf(document.get("kind"))) {
        case "ConfigMap" -> configMaps.put(name, map(document.get("data")));
        case "Secret" -> secrets.put(name, new HashSet<>(map(document.getOrDefault("data", Map.of())).keySet()));
        case "Service" -> services.put(name, map(document.get("spec")));
        case "PodDisruptionBudget" -> budgets.add(String.valueOf(map(map(map(document.get("spec")).get("selector"))
            .get("matchLabels")).get("app.kubernetes.io/name")));
        case "Deployment" -> deployments.add(document);
        case "Ingress" -> ingress = document;
        default -> { }
      }
    }
    String where = "overlays/" + overlay;
    Set<String> deployed = new TreeSet<>();
    for (Map<String, Object> deployment : deployments) {
      Map<String, Object> spec = map(deployment.get("spec"));
      Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
      Map<String, Object> container = map(((List<?>) pod.get("containers")).get(0));
      String image = String.valueOf(container.get("image"));
      String module = module(image);
      assertNotNull(module, where + ": unknown image " + image);
      String what = where + " " + module;
      deployed.add(module);

      Set<String> variables = new TreeSet<>();
      for (Object item : (List<?>) container.getOrDefault("envFrom", List.of())) {
        String configMap = String.valueOf(map(map(item).get("configMapRef")).get("name"));
        assertTrue(configMaps.containsKey(configMap), what + ": no ConfigMap " + configMap);
        variables.addAll(configMaps.get(configMap).keySet());
      }
      Map<String, String> values = new HashMap<>();
      for (Object item : (List<?>) container.getOrDefault("env", List.of())) {
        Map<String, Object> variable = map(item);
        String name = String.valueOf(variable.get("name"));
        variables.add(name);
        if (variable.containsKey("value")) {
          values.put(name, String.valueOf(variable.get("value")));
        }
        Map<String, Object> from = map(variable.getOrDefault("valueFrom", Map.of()));
        if (from.containsKey("secretKeyRef")) {
          checkSecret(what + " " + name, overlay, secrets, map(from.get("secretKeyRef")));
        }
        if (from.containsKey("fieldRef")) {
          assertEquals("status.podIP", map(from.get("fieldRef")).get("fieldPath"), what + " " + name);
          assertTrue(Set.of("CLUSTER_HOST", "CLUSTER_INTERFACE").contains(name), what + ": the pod IP goes to " + name);
        }
      }
      checkVariables(what, module, variables);

      if (!SERVICES.contains(module)) {
        continue;  // the local stand-ins
      }
      assertEquals("kubernetes", configMaps.get("ticketing-cluster").get("CLUSTER_JOIN"), what);
      assertTrue(variables.containsAll(Set.of("CLUSTER_HOST", "CLUSTER_INTERFACE", "CLUSTER_KUBERNETES_SERVICE_DNS")), what);
      int port = Integer.parseInt(values.getOrDefault(portVariable(module), "0"));
      assertEquals(defaultPort(module), port, what + ": " + portVariable(module));
      Map<String, Integer> ports = new HashMap<>();
      for (Object item : (List<?>) container.get("ports")) {
        ports.put(String.valueOf(map(item).get("name")), (Integer) map(item).get("containerPort"));
      }
      assertEquals(5701, ports.get("hazelcast"), what + ": Hazelcast's port");
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        Map<String, Object> http = map(map(container.get(probe)).get("httpGet"));
        assertEquals(probe.equals("readinessProbe") ? "/ready" : "/health", http.get("path"), what + " " + probe);
        assertEquals(port, ports.get(String.valueOf(http.get("port"))), what + " " + probe + " is on " + portVariable(module));
      }
      Map<String, Object> annotations = map(map(map(spec.get("template")).get("metadata")).get("annotations"));
      assertEquals(String.valueOf(port), annotations.get("prometheus.io/port"), what + ": Prometheus scrapes the management port");
      assertEquals("/metrics", annotations.get("prometheus.io/path"), what);
      Map<String, Object> resources = map(container.get("resources"));
      assertTrue(map(resources.get("requests")).containsKey("memory") && map(resources.get("limits")).containsKey("memory"), what);
      Map<String, Object> rolling = map(map(spec.get("strategy")).get("rollingUpdate"));
      assertEquals(0, rolling.get("maxUnavailable"), what);
      assertEquals(1, rolling.get("maxSurge"), what);
      assertTrue((Integer) pod.get("terminationGracePeriodSeconds") >= 30, what + ": time to leave the cluster");
      assertTrue(budgets.contains(module), what + ": a PodDisruptionBudget");
      Map<String, Object> labels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
      assertEquals("member", labels.get("ticketing/hazelcast"), what + ": selected by the headless service");
    }
    assertTrue(deployed.containsAll(SERVICES), where + " deploys every service: " + deployed);

    String dns = String.valueOf(configMaps.get("ticketing-cluster").get("CLUSTER_KUBERNETES_SERVICE_DNS"));
    Map<String, Object> headless = services.get(dns.substring(0, dns.indexOf('.')));
    assertNotNull(headless, where + ": CLUSTER_KUBERNETES_SERVICE_DNS names a Service: " + dns);
    assertEquals("None", headless.get("clusterIP"), where + ": the Hazelcast service is headless");
    assertEquals(true, headless.get("publishNotReadyAddresses"), where + ": pods join before they are ready");
    assertEquals(Map.of("ticketing/hazelcast", "member"), headless.get("selector"));

    assertNotNull(ingress, where + ": an Ingress");
    Map<String, Object> rule = map(((List<?>) map(ingress.get("spec")).get("rules")).get(0));
    Map<String, Object> path = map(((List<?>) map(rule.get("http")).get("paths")).get(0));
    Map<String, Object> backend = map(map(path.get("backend")).get("service"));
    Map<String, Object> gateway = services.get(String.valueOf(backend.get("name")));
    assertNotNull(gateway, where + ": the Ingress goes to a Service");
    assertEquals(Map.of("app.kubernetes.io/name", "gateway"), gateway.get("selector"));
  }

  private static void checkSecret(String what, String overlay, Map<String, Set<String>> secrets, Map<String, Object> ref) {
    String name = String.valueOf(ref.get("name"));
    String key = String.valueOf(ref.get("key"));
    if (secrets.containsKey(name)) {
      assertTrue(secrets.get(name).contains(key), what + ": Secret " + name + " has no key " + key);
      return;
    }
    // Production's Secret holds credentials: it is created by hand, as docker/README.md shows.
    assertEquals("production", overlay, what + ": no Secret " + name);
    assertTrue(text("docker/README.md").contains("--from-literal=" + key + "="), what + ": docker/README.md shows how to set " + key);
    assertTrue(text("docker/README.md").contains("secret generic " + name), what + ": docker/README.md creates " + name);
  }

  private static void checkVariables(String what, String module, Set<String> variables) {
    Set<String> unread = new TreeSet<>(variables);
    unread.removeAll(readBy.get(module));
    assertTrue(unread.isEmpty(), what + " sets variables that " + module + " never reads: " + unread);
  }

  /** The management port's variable: /health, /ready and /metrics are there, for every JVM. */
  private static String portVariable(String service) {
    return service.toUpperCase() + "_MANAGEMENT_PORT";
  }

  /** The port conf/<service>.json gives it, else conf/README.md's table. */
  private static int defaultPort(String service) {
    Matcher matcher = Pattern.compile("\"" + portVariable(service) + "\"\\s*:\\s*(\\d+)").matcher(text("conf/" + service + ".json"));
    if (matcher.find()) {
      return Integer.parseInt(matcher.group(1));
    }
    // conf/README.md's table: "auth 9101, tickets 9102, ..."
    Matcher table = Pattern.compile(service + " (\\d{4})").matcher(text("conf/README.md"));
    assertTrue(table.find(), "no default port of " + service);
    return Integer.parseInt(table.group(1));
  }

  private static String module(String image) {
    if (!image.startsWith("ticketing/")) {
      return null;
    }
    String module = image.substring("ticketing/".length()).replaceAll(":.*", "");
    assertTrue(OUR_IMAGES.contains(module), "docker/build-images.sh builds no image " + image);
    return module;
  }

  /** Rendered by kubectl kustomize where kubectl exists; otherwise the base's files as they are. */
  private static List<Map<String, Object>> render(String overlay) {
    String rendered;
    try {
      Process process = new ProcessBuilder("kubectl", "kustomize", root.resolve(overlay).toString())
          .redirectErrorStream(true).start();
      rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + overlay + " took too long");
      assertEquals(0, process.exitValue(), "kubectl kustomize " + overlay + ": " + rendered);
    } catch (IOException noKubectl) {
      return baseFiles(overlay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return documents(rendered);
  }

  /** Without kubectl: the base's resources plus the overlay's own files and its generated Secret's keys. */
  private static List<Map<String, Object>> baseFiles(String overlay) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (String dir : List.of("docker/kubernetes/base", overlay)) {
      Map<String, Object> kustomization = yamlFile(dir + "/kustomization.yaml");
      for (Object resource : (List<?>) kustomization.getOrDefault("resources", List.of())) {
        if (String.valueOf(resource).endsWith(".yaml")) {
          all.addAll(documents(text(dir + "/" + resource)));
        }
      }
      for (Object generator : (List<?>) kustomization.getOrDefault("secretGenerator", List.of())) {
        Map<String, Object> data = new HashMap<>();
        for (Object literal : (List<?>) map(generator).get("literals")) {
          data.put(String.valueOf(literal).split("=", 2)[0], "");
        }
        all.add(Map.of("kind", "Secret", "metadata", Map.of("name", map(generator).get("name")), "data", data));
      }
    }
    return all;
  }

  private static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml().loadAll(yaml)) {
      if (document != null) {
        documents.add(map(document));
      }
    }
    return documents;
  }

  private static Map<String, Object> yamlFile(String path) {
    return map(yaml().load(text(path)));
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(options);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertTrue(value instanceof Map, "expected a mapping, got " + value);
    return (Map<String, Object>) value;
  }

  private static String text(String path) {
    try {
      return Files.readString(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every "UPPER_CASE" string literal of the Java sources under dir: the names the code reads. */
  private static Set<String> literals(Path dir) {
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher matcher = LITERAL.matcher(Files.readString(file));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** What the image itself reads: the Dockerfile's ENV and the ${NAME} of its entrypoint. */
  private static Set<String> imageVariables() {
    Set<String> names = new HashSet<>();
    Matcher env = Pattern.compile("(?m)^\\s*(?:ENV\\s+)?([A-Z][A-Z0-9_]+)=").matcher(text("docker/Dockerfile"));
    while (env.find()) {
      names.add(env.group(1));
    }
    // Not the healthcheck's: it reads only the port variables its module reads too.
    Matcher use = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]+)").matcher(text("docker/bin/java-entrypoint.sh"));
    while (use.find()) {
      names.add(use.group(1));
    }
    return names;
  }
}
