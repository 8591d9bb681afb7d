package dev.ticketing.e2e.chaos;

import dev.ticketing.e2e.chaos.ApiUser.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A steady stream of people using the marketplace while faults are injected: sellers list tickets
 * and edit free ones; buyers reserve one and then pay with a good card, pay after a declined one,
 * cancel, let the order expire, or pay after its deadline. Everything they are told goes into the
 * {@link Ledger}. Failures (a JVM being killed) are part of the run, not of the test: a person whose
 * call got no answer or a 5xx simply carries on.
 */
final class ShopperLoad {

  private final Supplier<List<String>> gateways;
  private final Ledger ledger;
  private final int buyers;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final List<ApiUser> sellers = new ArrayList<>();

  ShopperLoad(Supplier<List<String>> gateways, Ledger ledger, int buyers) {
    this.gateways = gateways;
    this.ledger = ledger;
    this.buyers = buyers;
  }

  void start() {
    running.set(true);
    for (int i = 0; i < 2; i++) {
      ApiUser seller = new ApiUser(gateways);
      sellers.add(seller);
      threads.add(Thread.ofVirtual().name("seller-" + i).start(() -> sell(seller)));
    }
    for (int i = 0; i < buyers; i++) {
      threads.add(Thread.ofVirtual().name("buyer-" + i).start(this::buy));
    }
  }

  void stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(60));
    }
  }

  private void sell(ApiUser seller) {
    until(() -> record("signup", seller.signUp()).status() == 201);
    int listed = 0;
    while (running.get()) {
      Answer ticket = record("list ticket", seller.sell("Chaos show " + listed++, 5 + ThreadLocalRandom.current().nextInt(95)));
      if (ticket.status() == 201) {
        ledger.listedTickets.add(ticket.json().getString("id"));
        if (ThreadLocalRandom.current().nextInt(4) == 0) { // some sellers change their mind at once
          record("edit ticket", seller.edit(ticket.json().getString("id"), "Chaos show (moved)", 9.5));
        }
      }
      pause(400);
    }
  }

  private void buy() {
    ApiUser buyer = new ApiUser(gateways);
    until(() -> record("signup", buyer.signUp()).status() == 201);
    while (running.get()) {
      String ticketId = aFreeTicket(buyer);
      if (ticketId == null) {
        pause(300);
        continue;
      }
      Answer order = record("order", buyer.order(ticketId));
      if (order.status() != 201) {
        pause(100);
        continue;
      }
      String orderId = order.json().getString("id");
      ledger.acknowledgedOrders.add(orderId);
      int choice = ThreadLocalRandom.current().nextInt(100);
      if (choice < 55) {
        pay(buyer, orderId, "tok_visa");
      } else if (choice < 65) {
        record("pay declined", buyer.pay(orderId, "pm_card_chargeDeclined"));
        pay(buyer, orderId, "pm_card_visa");
      } else if (choice < 70) {
        record("cancel", buyer.cancel(orderId));
      } else if (choice < 75) {
        payWhileCancelling(buyer, orderId);
      } else if (choice < 88) {
        ledger.answered("left to expire", 200);
      } else {
        Instant expiresAt = Instant.parse(order.json().getString("expiresAt"));
        pause(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 1_500);
        pay(buyer, orderId, "tok_visa"); // after its deadline: must not be a 201 unless the order completes
      }
    }
  }

  /**
   * Pays and, a moment later, cancels the same order (a second tab): whichever wins, the money
   * must end where the order does (a payment answered 201 means complete; otherwise refunded).
   */
  private void payWhileCancelling(ApiUser buyer, String orderId) {
    Thread cancel = Thread.ofVirtual().start(() -> {
      pause(ThreadLocalRandom.current().nextInt(5, 60));
      record("cancel while paying", buyer.cancel(orderId));
    });
    Answer paid = record("pay while cancelling", buyer.pay(orderId, "tok_visa"));
    if (paid.status() == 201) {
      ledger.paidOrders.add(orderId);
    }
    try {
      cancel.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Pays, trying again (as a person would) while the answer is "not yet" or a server error. */
  private void pay(ApiUser buyer, String orderId, String token) {
    for (int attempt = 0; attempt < 4 && running.get(); attempt++) {
      Answer paid = record("pay", buyer.pay(orderId, token));
      if (paid.status() == 201) {
        ledger.paidOrders.add(orderId);
        return;
      }
      if (!paid.serverError() && paid.status() != 409) {
        return;
      }
      pause(700);
    }
  }

  private String aFreeTicket(ApiUser buyer) {
    Answer page = buyer.get("/api/tickets?limit=50");
    if (page.status() != 200 || !page.body().startsWith("[")) {
      ledger.answered("browse", page.status());
      return null;
    }
    JsonArray tickets = new JsonArray(page.body());
    List<String> free = tickets.stream().map(JsonObject.class::cast)
        .filter(ticket -> ticket.getValue("orderId") == null).map(ticket -> ticket.getString("id")).toList();
    return free.isEmpty() ? null : free.get(ThreadLocalRandom.current().nextInt(free.size()));
  }

  private Answer record(String operation, Answer answer) {
    ledger.answered(operation, answer.status());
    return answer;
  }

  private void until(Supplier<Boolean> done) {
    while (running.get() && !done.get()) {
      pause(500);
    }
  }

  /** The pace of a person (and of this load): a pause between steps, nothing a check waits on. */
  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
