package dev.ticketing.stripesandbox.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes API answers after the configured artificial latency. The work itself is already done when
 * the delay starts: a slow Stripe that times a client out has usually charged the card anyway, and
 * that is the case worth testing (an idempotent retry must then find the original answer).
 */
public final class Responder {

  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  private final Vertx vertx;
  private final long latencyMillis;

  public Responder(Vertx vertx, Duration latency) {
    this.vertx = vertx;
    this.latencyMillis = latency.toMillis();
  }

  public void respond(RoutingContext ctx, ApiResponse response) {
    respond(ctx, response, () -> { });
  }

  /**
   * @param beforeWrite runs right before the answer is written, after the latency, on the event
   *                    loop; used to settle an idempotency key exactly when the request ends
   */
  public void respond(RoutingContext ctx, ApiResponse response, Runnable beforeWrite) {
    if (latencyMillis <= 0) {
      beforeWrite.run();
      write(ctx, response);
      return;
    }
    vertx.setTimer(latencyMillis, timer -> {
      beforeWrite.run();
      write(ctx, response);
    });
  }

  /** Writes at once, with the headers every Stripe response has. */
  public static void write(RoutingContext ctx, ApiResponse response) {
    HttpServerResponse http = ctx.response();
    if (http.ended() || http.closed()) {
      log.debug("Client of {} left before the answer ({})", RequestIds.of(ctx), response.status());
      return;
    }
    http.setStatusCode(response.status());
    http.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (http.headers().get(RequestIds.HEADER) == null) {
      http.putHeader(RequestIds.HEADER, RequestIds.of(ctx));
    }
    response.headers().forEach(http::putHeader);
    http.end(response.body()).onFailure(e -> log.debug("Could not answer {}: {}", RequestIds.of(ctx), e.toString()));
  }
}
