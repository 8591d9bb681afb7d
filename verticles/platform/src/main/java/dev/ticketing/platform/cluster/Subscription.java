package dev.ticketing.platform.cluster;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * One cluster-wide event-bus consumer that can be registered again with the same handler: what
 * {@link SubscriptionWatch} does when the cluster has lost our registration.
 */
public final class Subscription {

  private final Vertx vertx;
  private final String address;
  private final Handler<Message<Object>> handler;
  private volatile MessageConsumer<Object> consumer;
  private volatile boolean cancelled;

  Subscription(Vertx vertx, String address, Handler<Message<Object>> handler) {
    this.vertx = vertx;
    this.address = address;
    this.handler = handler;
    this.consumer = vertx.eventBus().consumer(address, handler);
  }

  public String address() {
    return address;
  }

  /** Succeeds once the registration is known across the cluster. */
  public Future<Void> completion() {
    return consumer.completion();
  }

  boolean cancelled() {
    return cancelled;
  }

  /** Stops consuming for good. */
  public Future<Void> unregister() {
    cancelled = true;
    return consumer.unregister();
  }

  /** Unregisters and registers again: the cluster learns of this consumer afresh. */
  Future<Void> renew() {
    MessageConsumer<Object> lost = consumer;
    return lost.unregister().otherwiseEmpty().compose(gone -> {
      if (cancelled) {
        return Future.succeededFuture();
      }
      consumer = vertx.eventBus().consumer(address, handler);
      return consumer.completion();
    });
  }
}
