package dev.ticketing.e2e.hostile;

import java.util.Map;

/**
 * One hostile request: over HTTP ({@code raw} null) with a method, a path (already encoded as it
 * goes on the wire), headers and an optional body; or as raw bytes on a socket, for requests an
 * HTTP client refuses to send.
 *
 * @param as whose session it carries: "none", "owner" (who owns the ids in the corpus) or "stranger"
 */
record Probe(String name, String method, String path, Map<String, String> headers, byte[] body, String as, byte[] raw) {

  static Probe http(String name, String method, String path, Map<String, String> headers, byte[] body, String as) {
    return new Probe(name, method, path, headers, body, as, null);
  }

  static Probe raw(String name, String bytes) {
    return new Probe(name, null, null, Map.of(), null, "none", bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
  }
}
