package dev.ticketing.bench.load;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** One HTTP call the load generator makes: method, path, headers and an optional body. */
public record Call(HttpMethod method, String path, MultiMap headers, Buffer body) {

  public static Call get(String path) {
    return new Call(HttpMethod.GET, path, MultiMap.caseInsensitiveMultiMap(), null);
  }

  public static Call post(String path, String session, String json) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    if (session != null) {
      headers.add("Cookie", "session=" + session);
    }
    return new Call(HttpMethod.POST, path, headers, Buffer.buffer(json));
  }

  public static Call delete(String path, String session) {
    return new Call(HttpMethod.DELETE, path, MultiMap.caseInsensitiveMultiMap().add("Cookie", "session=" + session), null);
  }
}
