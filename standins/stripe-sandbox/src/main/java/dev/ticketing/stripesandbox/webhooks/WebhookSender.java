package dev.ticketing.stripesandbox.webhooks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes one delivery attempt the way Stripe does: a POST of the event's JSON with
 * {@code Content-Type: application/json; charset=utf-8} and a fresh {@code Stripe-Signature}.
 * Redirects are not followed (Stripe counts them as failures) and the receiver's answer body is
 * ignored: only its status matters.
 */
final class WebhookSender {

  static final String CONTENT_TYPE = "application/json; charset=utf-8";
  private static final String USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

  private final WebClient client;
  private final WebhookEndpoint endpoint;
  private final Duration timeout;
  // The wall clock, never the sandbox's (tests may move that): the receiver checks t against its own time.
  private final Clock signingClock = Clock.systemUTC();

  WebhookSender(Vertx vertx, WebhookEndpoint endpoint, Duration timeout) {
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent(USER_AGENT)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
        .setFollowRedirects(false));
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  /** Succeeds with the receiver's HTTP status; fails when no answer came (refused, reset, timed out). */
  Future<Integer> send(String body) {
    String signature = WebhookSignature.header(endpoint.secret(), signingClock.instant().getEpochSecond(), body);
    return client.postAbs(endpoint.url().toString())
        .putHeader(HttpHeaders.CONTENT_TYPE.toString(), CONTENT_TYPE)
        .putHeader(WebhookSignature.HEADER, signature)
        .putHeader(HttpHeaders.CACHE_CONTROL.toString(), "no-cache")
        .timeout(timeout.toMillis())
        .as(BodyCodec.none())
        .sendBuffer(Buffer.buffer(body)) // Buffer.buffer(String) is UTF-8, the bytes that were signed
        .map(HttpResponse::statusCode);
  }

  void close() {
    client.close();
  }
}
