package dev.ticketing.platform.cluster;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every cluster-wide consumer of one Vert.x instance (commands, events, readiness pings, the live
 * feed), registered through here so that {@link SubscriptionWatch} can check each one is still
 * known to the cluster and register it again when it is not.
 */
public final class Subscriptions {

  private static final Map<Vertx, Subscriptions> BY_VERTX = Collections.synchronizedMap(new WeakHashMap<>());

  private final Vertx vertx;
  private final List<Subscription> all = new CopyOnWriteArrayList<>();

  private Subscriptions(Vertx vertx) {
    this.vertx = vertx;
  }

  public static Subscriptions of(Vertx vertx) {
    return BY_VERTX.computeIfAbsent(vertx, Subscriptions::new);
  }

  /** Consumes {@code address} cluster-wide; see {@link Subscription#completion()}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> Subscription consumer(String address, Handler<Message<T>> handler) {
    Subscription subscription = new Subscription(vertx, address, (Handler) handler);
    all.add(subscription);
    return subscription;
  }

  /** The consumers whose registration has completed (a renewal under way is left alone), less those unregistered for good. */
  List<Subscription> active() {
    all.removeIf(Subscription::cancelled);
    return all.stream().filter(subscription -> subscription.completion().succeeded()).toList();
  }
}
