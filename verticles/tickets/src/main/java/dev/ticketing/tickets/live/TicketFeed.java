package dev.ticketing.tickets.live;

import dev.ticketing.contracts.live.LiveTicketChange;
import dev.ticketing.tickets.catalog.TicketView;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Tells every gateway and every other tickets instance that a ticket changed, right after the
 * change was written. A publish, not an event: no outbox, no retry, nothing stored. Browsers catch
 * up by asking again from the last change they saw; tickets instances by the numbering: this
 * instance counts its changes, and says every second how many it published, so a listener that
 * missed one notices and reads what changed from the database.
 */
public final class TicketFeed {

  /** Where each tickets instance says, every second, how many changes it has published. */
  public static final String HEARTBEAT = "tickets.catalog.heartbeat";

  private final Vertx vertx;
  private final String origin = UUID.randomUUID().toString();
  private long published;

  public TicketFeed(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Who this instance is on the feed. */
  public String origin() {
    return origin;
  }

  /** Publishes a change; called on the verticle's event loop, so the numbers go out in order. */
  public void changed(TicketView ticket) {
    published++;
    vertx.eventBus().publish(LiveTicketChange.ADDRESS,
        new LiveTicketChange(System.currentTimeMillis(), ticket.toJson(), origin, published).toJson());
  }

  public void heartbeat() {
    vertx.eventBus().publish(HEARTBEAT,
        new JsonObject().put("origin", origin).put("seq", published).put("at", System.currentTimeMillis()));
  }
}
