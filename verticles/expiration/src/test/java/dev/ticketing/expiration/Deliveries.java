package dev.ticketing.expiration;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.ExpirationComplete;
import dev.ticketing.contracts.events.Subject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Stands in for the orders service: consumes expiration:complete, counts deliveries per order and
 * answers as {@code decide} says (a reply future that succeeds acknowledges, one that fails refuses).
 */
public final class Deliveries {

  private final Map<String, AtomicInteger> perOrder = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private final BiFunction<String, Integer, Future<Void>> decide;
  private MessageConsumer<JsonObject> consumer;

  private Deliveries(BiFunction<String, Integer, Future<Void>> decide) {
    this.decide = decide;
  }

  /** Acknowledges every delivery. */
  public static Deliveries acknowledging() {
    return new Deliveries((orderId, attempt) -> Future.succeededFuture());
  }

  /** Decides per delivery, given the order id and which delivery of it this is (1 = first). */
  public static Deliveries deciding(BiFunction<String, Integer, Future<Void>> decide) {
    return new Deliveries(decide);
  }

  public Future<Void> register(Vertx vertx) {
    consumer = vertx.eventBus().consumer(Subject.EXPIRATION_COMPLETE.address(ConsumerGroup.ORDERS), this::receive);
    return consumer.completion();
  }

  public int of(String orderId) {
    AtomicInteger count = perOrder.get(orderId);
    return count == null ? 0 : count.get();
  }

  public long total() {
    return total.get();
  }

  public Map<String, AtomicInteger> perOrder() {
    return perOrder;
  }

  private void receive(Message<JsonObject> message) {
    String orderId = ExpirationComplete.fromJson(message.body()).orderId();
    int attempt = perOrder.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
    total.incrementAndGet();
    decide.apply(orderId, attempt).onComplete(decision -> {
      if (decision.succeeded()) {
        message.reply(new JsonObject());
      } else {
        message.fail(500, decision.cause().getMessage());
      }
    });
  }
}
