package dev.ticketing.platform.testing;

import dev.ticketing.platform.redis.RedisSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real redis-server (Debian's package, installed by .ci/run and ./ticketing) on a free port in a
 * temporary folder, with AOF on and fsync on every write as in production. {@link #restart()}
 * stops it and starts it again on the same port and data, to prove what survives.
 */
public final class RedisProcess implements AutoCloseable {

  private final Path dir;
  private final int port;
  private Process process;

  public RedisProcess() {
    try {
      this.dir = Files.createTempDirectory("redis-test");
      this.port = Ports.free();
      start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public RedisSettings settings() {
    return new RedisSettings("redis://127.0.0.1:" + port);
  }

  /** Stops Redis as a crash would (SIGKILL) and starts it again on the same data. */
  public void crashAndRestart() {
    process.destroyForcibly();
    waitFor();
    start();
  }

  private void start() {
    String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
    try {
      process = new ProcessBuilder(binary, "--bind", "127.0.0.1", "--port", String.valueOf(port),
          "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "")
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile())
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("redis-server is not installed (apt-get install redis-server; .ci/run does this)", e);
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      if (answersPing()) {
        return;
      }
      if (!process.isAlive()) {
        break;
      }
      pause(); // polling a child process for readiness; there is nothing to wait on instead
    }
    throw new IllegalStateException("redis-server did not start on port " + port + "; see " + dir.resolve("redis.log"));
  }

  private boolean answersPing() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = new byte[7];
      return socket.getInputStream().read(reply) > 0 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException notYet) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void waitFor() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    waitFor();
  }
}
