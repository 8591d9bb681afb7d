package dev.ticketing.expiration.store;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run atomically by Redis. Sent by its SHA-1 (EVALSHA), so each call carries only the
 * arguments; when Redis does not know the script (first use, or after a restart emptied its script
 * cache) the call is repeated once with the source (EVAL), which caches it again.
 */
final class LuaScript {

  private final String source;
  private final String sha;

  LuaScript(String source) {
    this.source = source;
    this.sha = sha1(source);
  }

  Future<Response> run(RedisAPI redis, List<String> keys, List<String> args) {
    return redis.evalsha(call(sha, keys, args)).recover(failure -> notCached(failure)
        ? redis.eval(call(source, keys, args))
        : Future.failedFuture(failure));
  }

  private static boolean notCached(Throwable failure) {
    return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
  }

  private static List<String> call(String script, List<String> keys, List<String> args) {
    List<String> call = new ArrayList<>(2 + keys.size() + args.size());
    call.add(script);
    call.add(String.valueOf(keys.size()));
    call.addAll(keys);
    call.addAll(args);
    return call;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
