package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A webhook endpoint for tests: a real HTTP server on a free port that verifies Stripe-Signature
 * with stripe-java's {@code Webhook.constructEvent}, as a real receiver does, and answers 400 when
 * that fails. It records every request it gets; tests wait for them with {@link #next()}.
 */
final class WebhookReceiver {

  /** One request as it arrived, and what the receiver answered. {@code event} is null if unverified. */
  record Delivery(String body, String signature, String contentType, String userAgent, Event event, int answered) {

    boolean verified() {
      return event != null;
    }
  }

  /** For {@link #answerNext}: close the connection without answering (the sender sees a failure). */
  static final int DROP = -1;
  /** For {@link #answerNext}: never answer (the sender's attempt times out). */
  static final int SILENT = 0;
  private static final long WAIT_SECONDS = 15;

  private final Vertx vertx;
  private final String secret;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final Queue<Integer> scriptedAnswers = new ConcurrentLinkedQueue<>();
  private volatile Predicate<String> failing = body -> false;
  private volatile Promise<Void> held;
  private HttpServer server;

  private WebhookReceiver(Vertx vertx, String secret) {
    this.vertx = vertx;
    this.secret = secret;
  }

  static Future<WebhookReceiver> start(Vertx vertx, String secret) {
    WebhookReceiver receiver = new WebhookReceiver(vertx, secret);
    return vertx.createHttpServer().requestHandler(receiver::receive).listen(0, "127.0.0.1")
        .map(server -> {
          receiver.server = server;
          return receiver;
        });
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/webhooks/stripe";
  }

  /** The next verified requests get these statuses (or {@link #DROP}, {@link #SILENT}), in order; 200 afterwards. */
  void answerNext(Integer... statuses) {
    scriptedAnswers.addAll(List.of(statuses));
  }

  /** Every verified request whose body matches gets a 500. */
  void failWhile(Predicate<String> bodyMatches) {
    failing = bodyMatches;
  }

  /** Requests are recorded at once but answered only on {@link #releaseAnswers()}. */
  void holdAnswers() {
    held = Promise.promise();
  }

  void releaseAnswers() {
    Promise<Void> answers = held;
    held = null;
    vertx.runOnContext(v -> answers.tryComplete());
  }

  /** Waits (up to 15 s) for the next request. */
  Delivery next() throws InterruptedException {
    Delivery delivery = deliveries.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(delivery, "no webhook arrived within " + WAIT_SECONDS + " s");
    return delivery;
  }

  List<Delivery> next(int count) throws InterruptedException {
    List<Delivery> received = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      received.add(next());
    }
    return received;
  }

  private void receive(HttpServerRequest request) {
    request.body().onSuccess(buffer -> {
      String body = buffer.toString(StandardCharsets.UTF_8);
      String signature = request.getHeader("Stripe-Signature");
      Event event = verified(body, signature);
      int status = event == null ? 400 : answerFor(body);
      deliveries.add(new Delivery(body, signature, request.getHeader("Content-Type"),
          request.getHeader("User-Agent"), event, status));
      Promise<Void> hold = held;
      Future<Void> when = hold == null ? Future.succeededFuture() : hold.future();
      when.onComplete(v -> answer(request, status));
    });
  }

  private static void answer(HttpServerRequest request, int status) {
    if (status == DROP) {
      request.connection().close();
    } else if (status != SILENT) {
      request.response().setStatusCode(status).end();
    }
  }

  private Event verified(String body, String signature) {
    try {
      return Webhook.constructEvent(body, signature, secret);
    } catch (SignatureVerificationException e) {
      return null;
    }
  }

  private int answerFor(String body) {
    Integer scripted = scriptedAnswers.poll();
    if (scripted != null) {
      return scripted;
    }
    return failing.test(body) ? 500 : 200;
  }
}
