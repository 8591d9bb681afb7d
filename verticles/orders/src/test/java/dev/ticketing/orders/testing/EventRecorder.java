package dev.ticketing.orders.testing;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for every consumer of the events orders emits: acknowledges each delivery and keeps
 * its payload, per subject and consumer group, for the test to assert on.
 */
public final class EventRecorder {

  private static final List<Subject> ORDER_SUBJECTS = List.of(Subject.ORDER_CREATED, Subject.ORDER_CANCELLED, Subject.ORDER_COMPLETED);

  private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();

  public Future<Void> register(Vertx vertx) {
    List<Future<Void>> registered = new ArrayList<>();
    for (Subject subject : ORDER_SUBJECTS) {
      for (ConsumerGroup group : subject.consumers()) {
        String address = subject.address(group);
        registered.add(vertx.eventBus().<JsonObject>consumer(address, message -> {
          received(subject, group).add(message.body());
          message.reply(new JsonObject());
        }).completion());
      }
    }
    return Future.all(registered).mapEmpty();
  }

  /** What {@code group} has received of {@code subject}, in arrival order. */
  public List<JsonObject> received(Subject subject, ConsumerGroup group) {
    return received.computeIfAbsent(subject.address(group), address -> new CopyOnWriteArrayList<>());
  }

  /** What {@code group} has received of {@code subject} about one order. */
  public List<JsonObject> about(String orderId, Subject subject, ConsumerGroup group) {
    return received(subject, group).stream().filter(payload -> orderId.equals(payload.getString("id"))).toList();
  }
}
