package dev.ticketing.bench.load;

import io.vertx.core.buffer.Buffer;

/** What a call got: its status (0 when it got no answer), its body, and how long it took. */
public record Answer(int status, Buffer body, long nanos) {

  public boolean serverError() {
    return status == 0 || status >= 500;
  }
}
