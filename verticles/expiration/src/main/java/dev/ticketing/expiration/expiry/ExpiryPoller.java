package dev.ticketing.expiration.expiry;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.ExpirationComplete;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.expiration.ExpirationConfig;
import dev.ticketing.expiration.domain.Claim;
import dev.ticketing.expiration.domain.DueOrder;
import dev.ticketing.expiration.store.ExpirationSchedule;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends expiration:complete for every order that fell due, until the orders service acknowledges.
 * On a timer (and at once again while batches come back full) it claims due orders with one atomic
 * script, which leases them to this instance, and sends each by request/reply. Only an
 * acknowledgement removes an order from Redis; after a refusal, a timeout or no consumer it stays
 * claimed, and once its lease has passed a later poll (ours or another instance's, even after this
 * JVM died) claims and sends it again. So delivery is at least once, which the orders service
 * absorbs ("cancel unless complete" changes nothing the second time).
 *
 * <p>At most {@code maxInFlight} requests wait for acknowledgements, and a poll claims no more than
 * there is room for, so every claimed order is sent at once and its lease is not spent queueing.
 * Polls never overlap; the next one may run while acknowledged orders are being removed.
 * All state is confined to the verticle's event loop.
 */
public final class ExpiryPoller {

  private static final Logger log = LoggerFactory.getLogger(ExpiryPoller.class);
  private static final String ADDRESS = Subject.EXPIRATION_COMPLETE.address(ConsumerGroup.ORDERS);

  private final Vertx vertx;
  private final ExpirationSchedule schedule;
  private final CompletionBatcher removals;
  private final ExpirationConfig config;
  private final ExpirationStats stats;

  /** Orders being handled here, from the send until the reply or, after an ack, until the removal. */
  private final Set<String> handling = new HashSet<>();
  /** Requests sent and not answered yet: what maxInFlight bounds. */
  private int awaitingReply;
  private boolean polling;
  private boolean backlog;
  private boolean stopped;
  private boolean redisFailing;
  private boolean deliveryFailing;
  private long timer = -1;

  public ExpiryPoller(Vertx vertx, ExpirationSchedule schedule, ExpirationConfig config, ExpirationStats stats) {
    this.vertx = vertx;
    this.schedule = schedule;
    this.removals = new CompletionBatcher(schedule);
    this.config = config;
    this.stats = stats;
  }

  /** Polls now (orders that fell due while no instance ran) and then every pollMillis. */
  public void start() {
    timer = vertx.setPeriodic(config.pollMillis(), id -> poll());
    poll();
  }

  public void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void poll() {
    if (stopped || polling) {
      return;
    }
    // With a backlog, replies poll again once half the room is free: claims stay large, instead
    // of one order per freed slot.
    int half = config.maxInFlight() / 2;
    if (awaitingReply >= config.maxInFlight() || (backlog && awaitingReply > half)) {
      backlog = true;
      return;
    }
    int limit = Math.min(config.batchSize(), config.maxInFlight() - awaitingReply);
    long now = System.currentTimeMillis();
    polling = true;
    schedule.claim(now, now + config.leaseMillis(), limit).onComplete(claimed -> {
      polling = false;
      if (stopped) {
        return; // anything just claimed stays claimed and is sent after its lease, by whoever runs then
      }
      if (claimed.failed()) {
        backlog = false;
        redisFailed(claimed.cause());
        return;
      }
      redisAnswered();
      Claim claim = claimed.result();
      claim.firstAttempts().forEach(this::sendFirstAttempt);
      claim.expiredLeases().forEach(this::sendAgain);
      // A full batch means more may be due right now: thousands due in the same second must not
      // wait one tick per batch.
      backlog = claim.size() == limit;
      if (!claim.isEmpty() && log.isDebugEnabled()) {
        log.debug("claimed {} due and {} with an expired lease; {} awaiting a reply; {}",
            claim.firstAttempts().size(), claim.expiredLeases().size(), awaitingReply, stats);
      }
      if (backlog) {
        poll();
      }
    });
  }

  private void sendFirstAttempt(DueOrder order) {
    if (handling.add(order.orderId())) {
      stats.recordFirstAttempt(System.currentTimeMillis() - order.dueAtMillis());
      send(order.orderId());
    }
  }

  private void sendAgain(String orderId) {
    // Still handled here means our own request outlived the lease: its outcome will settle it.
    if (handling.add(orderId)) {
      stats.recordRetry();
      send(orderId);
    }
  }

  private void send(String orderId) {
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(config.sendTimeoutMillis())
        // One id per order: every retry is recognisably the same event.
        .addHeader(Subject.HEADER_EVENT_ID, Subject.EXPIRATION_COMPLETE.wireName() + "/" + orderId)
        .addHeader(Subject.HEADER_SUBJECT, Subject.EXPIRATION_COMPLETE.wireName())
        .addHeader(Subject.HEADER_SCHEMA, String.valueOf(Subject.EXPIRATION_COMPLETE.schemaVersion()));
    awaitingReply++;
    vertx.eventBus().request(ADDRESS, new ExpirationComplete(orderId).toJson(), options).onComplete(reply -> {
      awaitingReply--;
      if (reply.succeeded()) {
        stats.recordAcknowledged();
        deliveryAcknowledged(orderId);
        // Only now may the order leave Redis; until the removal is written it stays ours.
        removals.completed(orderId).onComplete(removed -> {
          if (removed.failed()) {
            log.warn("order {} was acknowledged but is still claimed in Redis ({}); it will be sent again after its lease",
                orderId, removed.cause().getMessage());
          }
          handling.remove(orderId);
        });
      } else {
        stats.recordFailure();
        deliveryFailed(orderId, reply.cause());
        handling.remove(orderId);
      }
      if (backlog && awaitingReply <= config.maxInFlight() / 2) {
        poll();
      }
    });
  }

  // Failures are logged when they start and when they end, not once per order: with the orders
  // service away, every order fails until it returns.
  private void deliveryFailed(String orderId, Throwable cause) {
    if (!deliveryFailing) {
      deliveryFailing = true;
      log.info("expiration:complete for order {} not acknowledged ({}); it stays claimed and is sent again after its lease of {} ms",
          orderId, cause.getMessage(), config.leaseMillis());
    } else {
      log.debug("expiration:complete for order {} not acknowledged ({})", orderId, cause.getMessage());
    }
  }

  private void deliveryAcknowledged(String orderId) {
    if (deliveryFailing) {
      deliveryFailing = false;
      log.info("expiration:complete acknowledged again (order {})", orderId);
    }
  }

  private void redisFailed(Throwable cause) {
    if (!redisFailing) {
      redisFailing = true;
      log.warn("cannot claim due orders from Redis ({}); retrying every {} ms", cause.getMessage(), config.pollMillis());
    }
  }

  private void redisAnswered() {
    if (redisFailing) {
      redisFailing = false;
      log.info("claiming due orders from Redis again");
    }
  }
}
