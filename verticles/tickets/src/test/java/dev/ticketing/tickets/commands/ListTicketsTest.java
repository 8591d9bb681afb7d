package dev.ticketing.tickets.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.EncodedReply;
import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.tickets.TicketsTestBase;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing: what it shows, in which order, filtered how, and page by page. */
class ListTicketsTest extends TicketsTestBase {

  @Test
  void showsAvailableTicketsNewestFirst(VertxTestContext test) {
    createAll(ALICE, "First", "Second", "Third")
        .compose(created -> list(new JsonObject(), null))
        .onComplete(test.succeeding(page -> test.verify(() -> {
          assertEquals(List.of("Third", "Second", "First"), titles(page));
          assertNull(page.getValue("next"));
          test.completeNow();
        })));
  }

  @Test
  void theFirstPageShowsATicketListedAfterItWasLastServed(VertxTestContext test) {
    createAll(ALICE, "First")
        .compose(created -> list(new JsonObject(), null))
        .compose(before -> createAll(ALICE, "Second").compose(created -> list(new JsonObject(), null))
            .map(after -> List.of(before, after)))
        .onComplete(test.succeeding(pages -> test.verify(() -> {
          assertEquals(List.of("First"), titles(pages.get(0)));
          assertEquals(List.of("Second", "First"), titles(pages.get(1)), "the kept page is replaced after a change");
          test.completeNow();
        })));
  }

  @Test
  void searchesTitlesCaseInsensitivelyAndLiterally(VertxTestContext test) {
    createAll(ALICE, "Rock Concert", "rock opera", "Jazz", "a.b(c) [vip]", "axb(c)", "Price $5 + tax?")
        .compose(created -> Future.all(List.of(
            list(new JsonObject().put("q", "ROCK"), null),
            list(new JsonObject().put("q", "a.b("), null),
            list(new JsonObject().put("q", "[vip]"), null),
            list(new JsonObject().put("q", "$5 + tax?"), null),
            list(new JsonObject().put("q", ".*"), null))))
        .onComplete(test.succeeding(pages -> test.verify(() -> {
          assertEquals(List.of("rock opera", "Rock Concert"), titles(pages.resultAt(0)));
          assertEquals(List.of("a.b(c) [vip]"), titles(pages.resultAt(1)), "'.' is a dot, '(' a parenthesis");
          assertEquals(List.of("a.b(c) [vip]"), titles(pages.resultAt(2)));
          assertEquals(List.of("Price $5 + tax?"), titles(pages.resultAt(3)));
          assertEquals(List.of(), titles(pages.resultAt(4)));
          test.completeNow();
        })));
  }

  @Test
  void filtersByAnInclusivePriceRangeInMajorUnits(VertxTestContext test) {
    createTicket(ALICE, "Cheap", 5)
        .compose(t -> createTicket(ALICE, "Low edge", 10))
        .compose(t -> createTicket(ALICE, "Middle", 15.5))
        .compose(t -> createTicket(ALICE, "High edge", "20.00"))
        .compose(t -> createTicket(ALICE, "Dear", 20.01))
        .compose(created -> Future.all(
            list(new JsonObject().put("minPrice", 10).put("maxPrice", 20), null),
            list(new JsonObject().put("minPrice", "15.5"), null),
            list(new JsonObject().put("maxPrice", 9.99), null)))
        .onComplete(test.succeeding(pages -> test.verify(() -> {
          assertEquals(List.of("High edge", "Middle", "Low edge"), titles(pages.resultAt(0)));
          assertEquals(List.of("Dear", "High edge", "Middle"), titles(pages.resultAt(1)));
          assertEquals(List.of("Cheap"), titles(pages.resultAt(2)));
          test.completeNow();
        })));
  }

  @Test
  void pagesThroughEverythingWithACursor(VertxTestContext test) {
    createAll(ALICE, "t1", "t2", "t3", "t4", "t5", "t6", "t7")
        .compose(created -> list(new JsonObject().put("limit", 3), null))
        .compose(first -> {
          test.verify(() -> assertEquals(List.of("t7", "t6", "t5"), titles(first)));
          return list(new JsonObject().put("limit", 3).put("cursor", first.getString("next")), null);
        })
        .compose(second -> {
          test.verify(() -> assertEquals(List.of("t4", "t3", "t2"), titles(second)));
          // A ticket listed meanwhile goes to the front, and does not shift the following pages.
          return createTicket(ALICE, "t8", 10).compose(late ->
              list(new JsonObject().put("limit", 3).put("cursor", second.getString("next")), null));
        })
        .onComplete(test.succeeding(third -> test.verify(() -> {
          assertEquals(List.of("t1"), titles(third));
          assertNull(third.getValue("next"), "the last page says so");
          test.completeNow();
        })));
  }

  @Test
  void aFullLastPageHasNoNextCursor(VertxTestContext test) {
    createAll(ALICE, "t1", "t2")
        .compose(created -> list(new JsonObject().put("limit", 2), null))
        .onComplete(test.succeeding(page -> test.verify(() -> {
          assertEquals(2, titles(page).size());
          assertNull(page.getValue("next"));
          test.completeNow();
        })));
  }

  @Test
  void aForgedCursorIsABadRequest(VertxTestContext test) {
    refusal(Command.LIST_TICKETS, new JsonObject().put("cursor", "bm90LWFuLWlk"), null)
        .onComplete(test.succeeding(failure -> test.verify(() -> {
          assertEquals(400, failure.status());
          assertEquals("Invalid cursor", failure.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void badParametersAreFieldErrors(VertxTestContext test) {
    refusal(Command.LIST_TICKETS, new JsonObject().put("limit", 0).put("minPrice", -1), null)
        .onComplete(test.succeeding(failure -> test.verify(() -> {
          assertEquals(400, failure.status());
          assertEquals(List.of("minPrice", "limit"), failure.errors().stream().map(ApiError::field).toList());
          test.completeNow();
        })));
  }

  @Test
  void reservedAndSoldTicketsLeaveTheListingButStayInTheSellersOwn(VertxTestContext test) {
    List<JsonObject> tickets = new ArrayList<>();
    createTicket(ALICE, "Free", 10).onSuccess(tickets::add)
        .compose(t -> createTicket(ALICE, "Reserved", 10).onSuccess(tickets::add))
        .compose(t -> createTicket(ALICE, "Sold", 10).onSuccess(tickets::add))
        .compose(t -> createTicket(BOB, "Bob's", 10).onSuccess(tickets::add))
        .compose(t -> deliver(TicketCommandsTest.orderFor(tickets.get(1))))
        .compose(t -> {
          OrderCreated order = TicketCommandsTest.orderFor(tickets.get(2));
          return deliver(order).compose(reserved -> deliver(new OrderCompleted(order.id(), 1, order.ticketId())));
        })
        .compose(t -> Future.all(
            list(new JsonObject(), null),
            list(new JsonObject().put("mine", true), ALICE),
            list(new JsonObject().put("mine", true).put("q", "sold"), ALICE),
            refusal(Command.LIST_TICKETS, new JsonObject().put("mine", true), null)))
        .onComplete(test.succeeding(pages -> test.verify(() -> {
          assertEquals(List.of("Bob's", "Free"), titles(pages.resultAt(0)));
          JsonObject mine = pages.resultAt(1);
          assertEquals(List.of("Sold", "Reserved", "Free"), titles(mine));
          JsonObject sold = mine.getJsonArray("items").getJsonObject(0);
          assertEquals(Boolean.TRUE, sold.getBoolean("sold"));
          assertNotNull(sold.getString("orderId"), "a sold ticket keeps its order");
          assertEquals(List.of("Sold"), titles(pages.resultAt(2)));
          assertEquals(401, ((ApiException) pages.resultAt(3)).status());
          test.completeNow();
        })));
  }

  /** A page as {@code {"items": [...], "next": cursor or null}}: the reply's body and its cursor header. */
  private Future<JsonObject> list(JsonObject query, String userId) {
    return reply(Command.LIST_TICKETS, query, userId).map(reply -> new JsonObject()
        .put("items", new JsonArray((Buffer) reply.body()))
        .put("next", reply.headers().get(EncodedReply.NEXT_CURSOR)));
  }

  /** Creates the tickets one after another, so their ids (and the listing) follow this order. */
  private Future<Void> createAll(String userId, String... titles) {
    Future<?> chain = Future.succeededFuture();
    for (String title : titles) {
      chain = chain.compose(previous -> createTicket(userId, title, 10));
    }
    return chain.mapEmpty();
  }

  private static List<String> titles(JsonObject page) {
    return page.getJsonArray("items").stream().map(item -> ((JsonObject) item).getString("title")).toList();
  }
}
