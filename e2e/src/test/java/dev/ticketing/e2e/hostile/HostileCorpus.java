package dev.ticketing.e2e.hostile;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated corpus of malformed and hostile requests over every endpoint: broken JSON, wrong
 * types, huge, empty and deep bodies, injection-looking strings, bad ids and bad percent-encoding,
 * abused methods and content types, hostile headers and cookies, and (as raw bytes on a socket)
 * broken request lines, hosts, framing and path traversal on the static assets.
 */
final class HostileCorpus {

  /** An endpoint that takes a body, with a valid body to vary one field of. */
  private record BodyEndpoint(String method, String path, String as, JsonObject valid) {
  }

  private final String ticketId;
  private final String orderId;

  HostileCorpus(String ticketId, String orderId) {
    this.ticketId = ticketId;
    this.orderId = orderId;
  }

  List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    List<BodyEndpoint> bodies = bodyEndpoints();
    for (BodyEndpoint endpoint : bodies) {
      brokenBodies().forEach((name, body) -> probes.add(json(endpoint, "body " + name, body)));
      for (String field : endpoint.valid().fieldNames()) {
        hostileValues().forEach((name, value) -> probes.add(json(endpoint, field + "=" + name,
            endpoint.valid().copy().put(field, value).encode().getBytes(StandardCharsets.UTF_8))));
      }
      contentTypes().forEach(type -> probes.add(Probe.http("content-type " + type + " " + endpoint.path(), endpoint.method(),
          endpoint.path(), Map.of("Content-Type", type), endpoint.valid().encode().getBytes(StandardCharsets.UTF_8), endpoint.as())));
    }
    for (String idPath : List.of("/api/tickets/%s", "/api/orders/%s")) {
      for (String method : idPath.startsWith("/api/tickets") ? List.of("GET", "PUT") : List.of("GET", "DELETE")) {
        for (String id : hostileIds()) {
          byte[] body = method.equals("PUT") ? "{\"title\":\"x\",\"price\":1}".getBytes(StandardCharsets.UTF_8) : null;
          probes.add(Probe.http("id " + id + " " + method + " " + idPath, method, String.format(idPath, id),
              body == null ? Map.of() : Map.of("Content-Type", "application/json"), body, "owner"));
        }
      }
    }
    hostileQueries().forEach(query -> probes.add(Probe.http("query " + query, "GET", "/api/tickets?" + query, Map.of(), null, "owner")));
    for (String path : allPaths()) {
      for (String method : List.of("PATCH", "PUT", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO", "POST", "GET")) {
        probes.add(Probe.http("method " + method + " " + path, method, path, Map.of(), null, "owner"));
      }
    }
    hostileHeaders().forEach((name, headers) -> probes.add(Probe.http("headers " + name, "POST", "/api/tickets", headers,
        "{\"title\":\"x\",\"price\":1}".getBytes(StandardCharsets.UTF_8), name.startsWith("cookie") ? "none" : "owner")));
    rawRequests().forEach((name, bytes) -> probes.add(Probe.raw("raw " + name, bytes)));
    return probes;
  }

  private List<BodyEndpoint> bodyEndpoints() {
    return List.of(
        new BodyEndpoint("POST", "/api/users/signup", "none", new JsonObject().put("email", "hostile@example.com").put("password", "a long password")),
        new BodyEndpoint("POST", "/api/users/signin", "none", new JsonObject().put("email", "hostile@example.com").put("password", "a long password")),
        new BodyEndpoint("POST", "/api/tickets", "owner", new JsonObject().put("title", "Hostile").put("price", 10)),
        new BodyEndpoint("PUT", "/api/tickets/" + ticketId, "owner", new JsonObject().put("title", "Hostile").put("price", 10)),
        new BodyEndpoint("POST", "/api/orders", "stranger", new JsonObject().put("ticketId", ticketId)),
        new BodyEndpoint("POST", "/api/payments", "owner", new JsonObject().put("orderId", orderId).put("token", "tok_visa")),
        new BodyEndpoint("POST", "/api/webhooks/stripe", "none", new JsonObject().put("type", "payment_intent.succeeded")));
  }

  private static Probe json(BodyEndpoint endpoint, String name, byte[] body) {
    return Probe.http(name + " " + endpoint.method() + " " + endpoint.path(), endpoint.method(), endpoint.path(),
        Map.of("Content-Type", "application/json"), body, endpoint.as());
  }

  private static Map<String, byte[]> brokenBodies() {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    for (String text : List.of("", " ", "{", "}", "[", "{\"a\":}", "{'a':1}", "{a:1}", "{\"a\":1,}", "{\"a\":1}x", "nul", "NaN",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "/*c*/{}", "{}//", "\uFEFF{}", "{\"a\":\"\\x\"}", "{\"a\":\"\\uZZZZ\"}",
        "\"str\"", "1", "true", "null", "[]", "[{}]", "{\"email\":1,\"email\":2}", "{\"a\\u0000\":1}", "{\"a\":\"\\ud800\"}")) {
      bodies.put(quote(text), text.getBytes(StandardCharsets.UTF_8));
    }
    bodies.put("10000 nested arrays", "[".repeat(10_000).getBytes(StandardCharsets.UTF_8));
    bodies.put("5000 nested objects", "{\"a\":".repeat(5_000).getBytes(StandardCharsets.UTF_8));
    bodies.put("60 KB string", ("{\"title\":\"" + "x".repeat(60_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    bodies.put("70 KB string (over the limit)", ("{\"title\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    StringBuilder manyKeys = new StringBuilder("{");
    for (int i = 0; i < 3_000; i++) {
      manyKeys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    bodies.put("3000 keys", manyKeys.append('}').toString().getBytes(StandardCharsets.UTF_8));
    bodies.put("a 400-digit number", ("{\"price\":" + "9".repeat(400) + "}").getBytes(StandardCharsets.UTF_8));
    bodies.put("binary garbage", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0x7f, 10, 13});
    bodies.put("invalid utf-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});
    return bodies;
  }

  private static Map<String, Object> hostileValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("null", null);
    values.put("true", true);
    values.put("0", 0);
    values.put("-1", -1);
    values.put("1.5", 1.5);
    values.put("1e308", 1e308);
    values.put("-1e308", -1e308);
    values.put("2^53+1", 9_007_199_254_740_993L);
    values.put("empty", "");
    values.put("blank", "   ");
    values.put("300 chars", "x".repeat(300));
    values.put("array", new io.vertx.core.json.JsonArray().add("a"));
    values.put("empty array", new io.vertx.core.json.JsonArray());
    values.put("object", new JsonObject());
    values.put("mongo operator", new JsonObject().put("$gt", ""));
    values.put("sql injection", "' OR '1'='1");
    values.put("sql drop", "Robert'); DROP TABLE tickets;--");
    values.put("script", "<script>alert(1)</script>");
    values.put("path traversal", "../../../etc/passwd");
    values.put("percent nul", "%00");
    values.put("nul", "a\u0000b");
    values.put("emoji", "\uD83D\uDE00");
    values.put("ligature", "\uFB00");
    values.put("jndi", "${jndi:ldap://x/a}");
    values.put("template", "{{7*7}}");
    values.put("numeric string", "1e309");
    values.put("regex", ".*");
    return values;
  }

  private static List<String> contentTypes() {
    return List.of("text/plain", "application/jsonx", "application/json; charset=latin1", "multipart/form-data",
        "application/x-www-form-urlencoded", "", "application/json;;", "text/json", "application/json-patch+json");
  }

  private static List<String> hostileIds() {
    return List.of("%zz", "..", "%2e%2e", "%2F", "a".repeat(3000), encode("{\"$ne\":null}"), "000000000000000000000000",
        "ZZZZZZZZZZZZZZZZZZZZZZZZ", "%00", ";drop", "null", "undefined", "-1", "1e10", encode("<script>"),
        encode("\uD83D\uDE00"), "%", "%%", "a%20b");
  }

  private static List<String> hostileQueries() {
    List<String> queries = new ArrayList<>();
    for (String limit : List.of("-1", "0", "101", "abc", "1e9", "1.5", "", "%zz", "99999999999999999999")) {
      queries.add("limit=" + limit);
    }
    for (String price : List.of("-1", "abc", "1e400", "1.234", "%", encode("{\"$gt\":0}"))) {
      queries.add("minPrice=" + price);
      queries.add("maxPrice=" + price);
    }
    for (String cursor : List.of("%zz", "abc", "=", "QUFBQQ", "x".repeat(5000), encode("{\"$gt\":\"\"}"))) {
      queries.add("cursor=" + cursor);
    }
    for (String q : List.of("%", "%zz", "x".repeat(300), encode(".*"), encode("((("), encode("\\"), encode("$where"), "%E0%A4%A")) {
      queries.add("q=" + q);
    }
    for (String mine : List.of("maybe", "1", "yes", "%zz")) {
      queries.add("mine=" + mine);
    }
    queries.add("foo=bar");
    queries.add("limit=1&limit=2");
    queries.add("%zz=1");
    return queries;
  }

  private List<String> allPaths() {
    return List.of("/api/users/signup", "/api/users/signin", "/api/users/signout", "/api/users/currentuser", "/api/users/nope",
        "/api/tickets", "/api/tickets/" + ticketId, "/api/orders", "/api/orders/" + orderId, "/api/payments",
        "/api/webhooks/stripe", "/api/config", "/api/openapi.json", "/api/nothing", "/", "/index.html", "/js/app.js");
  }

  private static Map<String, Map<String, String>> hostileHeaders() {
    Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    headers.put("cookie garbage", Map.of("Content-Type", "application/json", "Cookie", "session=%%%"));
    headers.put("cookie three dots", Map.of("Content-Type", "application/json", "Cookie", "session=a.b.c"));
    headers.put("cookie alg none", Map.of("Content-Type", "application/json",
        "Cookie", "session=eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpZCI6IngiLCJlbWFpbCI6InhAeC5jbyIsImV4cCI6OTk5OTk5OTk5OX0."));
    headers.put("cookie 8 KB", Map.of("Content-Type", "application/json", "Cookie", "session=" + "a".repeat(8_000)));
    headers.put("cookie base64 garbage", Map.of("Content-Type", "application/json", "Cookie", "session=e30="));
    headers.put("origin evil", Map.of("Content-Type", "application/json", "Origin", "https://evil.example"));
    headers.put("origin null", Map.of("Content-Type", "application/json", "Origin", "null"));
    headers.put("fetch site cross", Map.of("Content-Type", "application/json", "Sec-Fetch-Site", "cross-site"));
    headers.put("forwarded spoof", Map.of("Content-Type", "application/json", "X-Forwarded-For", "1.2.3.4, 5.6.7.8",
        "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example"));
    headers.put("user id spoof", Map.of("Content-Type", "application/json", "user-id", "000000000000000000000000",
        "X-User-Id", "000000000000000000000000"));
    headers.put("accept garbage", Map.of("Content-Type", "application/json", "Accept", "\u0001\u0002"));
    headers.put("huge header", Map.of("Content-Type", "application/json", "X-Filler", "x".repeat(12_000)));
    return headers;
  }

  private static Map<String, String> rawRequests() {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("no host", "GET /api/tickets HTTP/1.1\r\n\r\n");
    raw.put("host port out of range", "GET /api/tickets HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n");
    raw.put("non-ascii host", "GET /api/tickets HTTP/1.1\r\nHost: \u00e9xample\r\n\r\n");
    raw.put("garbage line", "GARBAGE\r\n\r\n");
    raw.put("method only", "GET\r\n\r\n");
    raw.put("http 9.9", "GET / HTTP/9.9\r\nHost: x\r\n\r\n");
    raw.put("9000-char uri", "GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    raw.put("header without colon", "GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n");
    raw.put("200 headers", "GET / HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(200) + "\r\n");
    raw.put("20 KB header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
    raw.put("content-length negative", "POST /api/users/signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}");
    raw.put("content-length text", "POST /api/users/signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}");
    raw.put("content-length and chunked", "POST /api/users/signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    raw.put("nul in header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n");
    raw.put("bare newlines", "GET /api/config HTTP/1.1\nHost: x\n\n");
    raw.put("http/1.0 without host", "GET /api/config HTTP/1.0\r\n\r\n");
    raw.put("absolute uri", "GET http://evil.example/api/config HTTP/1.1\r\nHost: x\r\n\r\n");
    raw.put("asterisk", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
    raw.put("bad percent in path", "GET /api/tickets/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    raw.put("bad percent in query", "GET /api/tickets?cursor=%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    for (String path : List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/js/..%2f..%2fpom.xml", "/webroot/../pom.xml",
        "/..%5c..%5cpom.xml", "//etc/passwd", "/index.html%00.js", "/js/../../../pom.xml", "/.git/config", "/WEB-INF/web.xml",
        "/%c0%ae%c0%ae/etc/passwd", "/css/..;/..;/pom.xml")) {
      raw.put("traversal " + path, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }
    return raw;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    return "'" + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "'";
  }
}
