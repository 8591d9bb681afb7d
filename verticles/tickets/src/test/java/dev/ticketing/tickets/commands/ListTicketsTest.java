package dev.ticketing.tickets.commands;

import static dev.ticketing.platform.testing.Blocking.await;
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
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing: what it shows, in which order, filtered how, and page by page. */
class ListTicketsTest extends TicketsTestBase {

  @Test
  void showsAvailableTicketsNewestFirst() throws Exception {
    createAll(ALICE, "First", "Second", "Third");

    JsonObject page = await(list(new JsonObject(), null));

    assertEquals(List.of("Third", "Second", "First"), titles(page));
    assertNull(page.getValue("next"));
  }

  @Test
  void theFirstPageShowsATicketListedAfterItWasLastServed() throws Exception {
    createAll(ALICE, "First");
    JsonObject before = await(list(new JsonObject(), null));

    createAll(ALICE, "Second");
    JsonObject after = await(list(new JsonObject(), null));

    assertEquals(List.of("First"), titles(before));
    assertEquals(List.of("Second", "First"), titles(after), "the kept page is replaced after a change");
  }

  @Test
  void searchesTitlesCaseInsensitivelyAndLiterally() throws Exception {
    createAll(ALICE, "Rock Concert", "rock opera", "Jazz", "a.b(c) [vip]", "axb(c)", "Price $5 + tax?");

    CompositeFuture pages = await(Future.all(List.of(
        list(new JsonObject().put("q", "ROCK"), null),
        list(new JsonObject().put("q", "a.b("), null),
        list(new JsonObject().put("q", "[vip]"), null),
        list(new JsonObject().put("q", "$5 + tax?"), null),
        list(new JsonObject().put("q", ".*"), null))));

    assertEquals(List.of("rock opera", "Rock Concert"), titles(pages.resultAt(0)));
    assertEquals(List.of("a.b(c) [vip]"), titles(pages.resultAt(1)), "'.' is a dot, '(' a parenthesis");
    assertEquals(List.of("a.b(c) [vip]"), titles(pages.resultAt(2)));
    assertEquals(List.of("Price $5 + tax?"), titles(pages.resultAt(3)));
    assertEquals(List.of(), titles(pages.resultAt(4)));
  }

  @Test
  void filtersByAnInclusivePriceRangeInMajorUnits() throws Exception {
    await(createTicket(ALICE, "Cheap", 5));
    await(createTicket(ALICE, "Low edge", 10));
    await(createTicket(ALICE, "Middle", 15.5));
    await(createTicket(ALICE, "High edge", "20.00"));
    await(createTicket(ALICE, "Dear", 20.01));

    CompositeFuture pages = await(Future.all(
        list(new JsonObject().put("minPrice", 10).put("maxPrice", 20), null),
        list(new JsonObject().put("minPrice", "15.5"), null),
        list(new JsonObject().put("maxPrice", 9.99), null)));

    assertEquals(List.of("High edge", "Middle", "Low edge"), titles(pages.resultAt(0)));
    assertEquals(List.of("Dear", "High edge", "Middle"), titles(pages.resultAt(1)));
    assertEquals(List.of("Cheap"), titles(pages.resultAt(2)));
  }

  @Test
  void pagesThroughEverythingWithACursor() throws Exception {
    createAll(ALICE, "t1", "t2", "t3", "t4", "t5", "t6", "t7");

    JsonObject first = await(list(new JsonObject().put("limit", 3), null));
    assertEquals(List.of("t7", "t6", "t5"), titles(first));
    JsonObject second = await(list(new JsonObject().put("limit", 3).put("cursor", first.getString("next")), null));
    assertEquals(List.of("t4", "t3", "t2"), titles(second));
    // A ticket listed meanwhile goes to the front, and does not shift the following pages.
    await(createTicket(ALICE, "t8", 10));
    JsonObject third = await(list(new JsonObject().put("limit", 3).put("cursor", second.getString("next")), null));
    assertEquals(List.of("t1"), titles(third));
    assertNull(third.getValue("next"), "the last page says so");
  }

  @Test
  void aFullLastPageHasNoNextCursor() throws Exception {
    createAll(ALICE, "t1", "t2");

    JsonObject page = await(list(new JsonObject().put("limit", 2), null));

    assertEquals(2, titles(page).size());
    assertNull(page.getValue("next"));
  }

  @Test
  void aForgedCursorIsABadRequest() throws Exception {
    ApiException failure = await(refusal(Command.LIST_TICKETS, new JsonObject().put("cursor", "bm90LWFuLWlk"), null));

    assertEquals(400, failure.status());
    assertEquals("Invalid cursor", failure.getMessage());
  }

  @Test
  void badParametersAreFieldErrors() throws Exception {
    ApiException failure = await(refusal(Command.LIST_TICKETS, new JsonObject().put("limit", 0).put("minPrice", -1), null));

    assertEquals(400, failure.status());
    assertEquals(List.of("minPrice", "limit"), failure.errors().stream().map(ApiError::field).toList());
  }

  @Test
  void reservedAndSoldTicketsLeaveTheListingButStayInTheSellersOwn() throws Exception {
    await(createTicket(ALICE, "Free", 10));
    JsonObject reserved = await(createTicket(ALICE, "Reserved", 10));
    JsonObject sold = await(createTicket(ALICE, "Sold", 10));
    await(createTicket(BOB, "Bob's", 10));
    await(deliver(TicketCommandsTest.orderFor(reserved)));
    OrderCreated order = TicketCommandsTest.orderFor(sold);
    await(deliver(order));
    await(deliver(new OrderCompleted(order.id(), 1, order.ticketId())));

    CompositeFuture pages = await(Future.all(
        list(new JsonObject(), null),
        list(new JsonObject().put("mine", true), ALICE),
        list(new JsonObject().put("mine", true).put("q", "sold"), ALICE),
        refusal(Command.LIST_TICKETS, new JsonObject().put("mine", true), null)));

    assertEquals(List.of("Bob's", "Free"), titles(pages.resultAt(0)));
    JsonObject mine = pages.resultAt(1);
    assertEquals(List.of("Sold", "Reserved", "Free"), titles(mine));
    JsonObject soldItem = mine.getJsonArray("items").getJsonObject(0);
    assertEquals(Boolean.TRUE, soldItem.getBoolean("sold"));
    assertNotNull(soldItem.getString("orderId"), "a sold ticket keeps its order");
    assertEquals(List.of("Sold"), titles(pages.resultAt(2)));
    assertEquals(401, ((ApiException) pages.resultAt(3)).status());
  }

  /** A page as {@code {"items": [...], "next": cursor or null}}: the reply's body and its cursor header. */
  private Future<JsonObject> list(JsonObject query, String userId) {
    return reply(Command.LIST_TICKETS, query, userId).map(reply -> new JsonObject()
        .put("items", new JsonArray((Buffer) reply.body()))
        .put("next", reply.headers().get(EncodedReply.NEXT_CURSOR)));
  }

  /** Creates the tickets one after another, so their ids (and the listing) follow this order. */
  private void createAll(String userId, String... titles) throws Exception {
    for (String title : titles) {
      await(createTicket(userId, title, 10));
    }
  }

  private static List<String> titles(JsonObject page) {
    return page.getJsonArray("items").stream().map(item -> ((JsonObject) item).getString("title")).toList();
  }
}
