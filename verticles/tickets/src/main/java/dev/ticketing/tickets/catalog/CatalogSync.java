package dev.ticketing.tickets.catalog;

import dev.ticketing.contracts.live.LiveTicketChange;
import dev.ticketing.platform.cluster.Subscription;
import dev.ticketing.platform.cluster.Subscriptions;
import dev.ticketing.tickets.live.TicketFeed;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's {@link TicketCatalog} up with the changes other tickets instances write.
 * Their live changes are applied as they come (by version). What may have been missed is read back
 * from the database, by the key every write stamps with its time ({@link TicketStore#changedSince}):
 * <ul>
 *   <li>at start, everything, then what changed while this instance was subscribing;
 *   <li>a gap in an instance's numbering (a change or a heartbeat says more were published than
 *       arrived): what changed since the last one that arrived;
 *   <li>an instance silent for {@value #SILENT_MS} ms (it crashed, perhaps between a write and its
 *       publish, or it cannot reach us): what changed since it was last heard.
 * </ul>
 * Nothing is assumed delivered; in steady state nothing is read back.
 */
public final class CatalogSync {

  static final long SILENT_MS = 3_000;
  /** How far back a read-back reaches before the last change heard: writes in flight, and clocks a little apart. */
  static final long MARGIN_MS = 2_000;
  /** At start, how far back before subscribing: another host's clock may be behind ours. */
  static final long START_MARGIN_MS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

  /** What was last heard from another instance, in its numbering and on its clock. */
  private static final class Peer {
    long seq;
    long at;
    long heardNanos;
  }

  private final Vertx vertx;
  private final TicketCatalog catalog;
  private final TicketStore store;
  private final TicketFeed feed;
  private final Map<String, Peer> peers = new HashMap<>();
  private Subscription changes;
  private Subscription heartbeats;
  private long timer = -1;
  /** The earliest time a pending read-back must reach back to; MAX_VALUE when none is pending. */
  private long readBackFrom = Long.MAX_VALUE;
  private boolean readingBack;

  public CatalogSync(Vertx vertx, TicketCatalog catalog, TicketStore store, TicketFeed feed) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.store = store;
    this.feed = feed;
  }

  /** Subscribes, loads every ticket, reads back what changed meanwhile; then the catalog is current. */
  public Future<Void> start() {
    long subscribedAt = System.currentTimeMillis();
    changes = Subscriptions.of(vertx).<JsonObject>consumer(LiveTicketChange.ADDRESS,
        message -> changed(LiveTicketChange.fromJson(message.body())));
    heartbeats = Subscriptions.of(vertx).<JsonObject>consumer(TicketFeed.HEARTBEAT, message -> heartbeat(message.body()));
    long began = System.nanoTime();
    return Future.all(changes.completion(), heartbeats.completion())
        .compose(subscribed -> store.loadAll(catalog::apply))
        .compose(loaded -> store.changedSince(subscribedAt - START_MARGIN_MS, catalog::apply))
        .onSuccess(current -> {
          log.info("catalog holds {} tickets (loaded in {} ms)", catalog.size(), (System.nanoTime() - began) / 1_000_000);
          timer = vertx.setPeriodic(1_000, tick -> {
            feed.heartbeat();
            silentPeers();
          });
        })
        .mapEmpty();
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.all(changes == null ? Future.succeededFuture() : changes.unregister(),
        heartbeats == null ? Future.succeededFuture() : heartbeats.unregister()).mapEmpty();
  }

  private void changed(LiveTicketChange change) {
    if (feed.origin().equals(change.origin())) {
      return; // our own write, applied when it was written
    }
    heard(change.origin(), change.seq() - 1, change.seq(), change.at());
    catalog.apply(TicketView.fromJson(change.ticket()));
  }

  private void heartbeat(JsonObject beat) {
    String origin = beat.getString("origin");
    if (!feed.origin().equals(origin)) {
      long seq = beat.getLong("seq", 0L);
      heard(origin, seq, seq, beat.getLong("at", System.currentTimeMillis()));
    }
  }

  /** {@code before}: the count this message implies we already had; more than we had means some went missing. */
  private void heard(String origin, long before, long seq, long at) {
    Peer peer = peers.get(origin);
    if (peer == null) {
      peer = new Peer(); // first heard: what it wrote before came with the load or the start's read-back
    } else if (before > peer.seq) {
      log.info("missed {} ticket changes from {}; reading back what changed since {}", before - peer.seq, origin, peer.at);
      readBack(peer.at - MARGIN_MS);
    }
    peer.seq = Math.max(peer.seq, seq);
    peer.at = Math.max(peer.at, at);
    peer.heardNanos = System.nanoTime();
    peers.put(origin, peer);
  }

  private void silentPeers() {
    long now = System.nanoTime();
    peers.entrySet().removeIf(entry -> {
      boolean silent = now - entry.getValue().heardNanos > SILENT_MS * 1_000_000;
      if (silent) {
        log.info("tickets instance {} went silent; reading back what changed since it was last heard", entry.getKey());
        readBack(entry.getValue().at - MARGIN_MS);
      }
      return silent;
    });
  }

  /** One read-back at a time; requests meanwhile merge into the next one, reaching back to the earliest. */
  private void readBack(long fromMillis) {
    readBackFrom = Math.min(readBackFrom, fromMillis);
    if (readingBack) {
      return;
    }
    readingBack = true;
    long from = readBackFrom;
    readBackFrom = Long.MAX_VALUE;
    store.changedSince(from, catalog::apply).onComplete(done -> {
      readingBack = false;
      if (done.failed()) {
        log.warn("could not read back ticket changes since {} (will try again): {}", from, done.cause().getMessage());
        readBackFrom = Math.min(readBackFrom, from);
        vertx.setTimer(1_000, again -> readBack(readBackFrom));
      } else if (readBackFrom != Long.MAX_VALUE) {
        readBack(readBackFrom);
      }
    });
  }
}
