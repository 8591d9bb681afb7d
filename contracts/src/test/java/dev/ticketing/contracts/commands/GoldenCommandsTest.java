package dev.ticketing.contracts.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.contracts.errors.Validation;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire form of every command body to a golden JSON file, like the event payloads: the
 * gateway and the services are deployed separately, so a renamed or retyped field must fail here
 * before it fails between two running versions.
 */
class GoldenCommandsTest {

  private static final String ORDER = "6565f0c2a1b2c3d4e5f60719";
  private static final String TICKET = "6565f0c2a1b2c3d4e5f60718";

  private static final Map<Command, CommandBody> SAMPLES = Map.ofEntries(
      Map.entry(Command.SIGN_UP, new Credentials("buyer@example.com", "correct horse")),
      Map.entry(Command.SIGN_IN, new Credentials("buyer@example.com", "correct horse")),
      Map.entry(Command.CREATE_TICKET, new TicketInput("Concert", "20.5")),
      Map.entry(Command.UPDATE_TICKET, new TicketEdit(TICKET, "Concert (moved)", "12")),
      Map.entry(Command.LIST_TICKETS, new TicketQuery("jazz", "5", "50.25", 20L, "NjU2NWYwYzJhMWIyYzNkNGU1ZjYwNzE4", true)),
      Map.entry(Command.SHOW_TICKET, new ById(TICKET)),
      Map.entry(Command.CREATE_ORDER, new NewOrder(TICKET)),
      Map.entry(Command.LIST_ORDERS, NoBody.INSTANCE),
      Map.entry(Command.SHOW_ORDER, new ById(ORDER)),
      Map.entry(Command.CANCEL_ORDER, new ById(ORDER)),
      Map.entry(Command.LEASE_PAYMENT, new PaymentLeaseRequest(ORDER)),
      Map.entry(Command.CREATE_PAYMENT, new NewPayment(ORDER, "tok_visa")),
      Map.entry(Command.STRIPE_EVENT, new StripeEventFacts("charge.refunded", "pi_123", ORDER, "re_456")));

  @Test
  void everyCommandHasAGoldenBody() {
    assertEquals(EnumSet.allOf(Command.class), EnumSet.copyOf(SAMPLES.keySet()));
  }

  @Test
  void bodiesEncodeExactlyAsTheGoldenFiles() throws IOException {
    for (Map.Entry<Command, CommandBody> sample : SAMPLES.entrySet()) {
      assertEquals(golden(sample.getKey()), sample.getValue().toJson(), sample.getKey().address());
    }
  }

  @Test
  void goldenFilesDecodeToTheSameBodies() throws IOException {
    for (Map.Entry<Command, CommandBody> sample : SAMPLES.entrySet()) {
      assertEquals(sample.getValue(), sample.getKey().decode(golden(sample.getKey())), sample.getKey().address());
    }
  }

  @Test
  void aPriceSentAsAJsonNumberTravelsAsTheTextTheClientWrote() {
    assertEquals("20.55", TicketInput.fromJson(new JsonObject().put("title", "t").put("price", 20.55)).price());
    assertEquals("20", TicketInput.fromJson(new JsonObject().put("title", "t").put("price", 20)).price());
  }

  @Test
  void fieldsTheRecordDoesNotDeclareAreLeftBehind() {
    JsonObject withExtra = new JsonObject().put("ticketId", TICKET).put("userId", "someone else");
    assertEquals(new JsonObject().put("ticketId", TICKET), Command.CREATE_ORDER.decode(withExtra).toJson());
  }

  @Test
  void anAbsentFieldReadsAsNullForTheServiceToRequire() {
    assertEquals(new NewOrder(null), NewOrder.fromJson(new JsonObject()));
    assertEquals(new TicketQuery(null, null, null, null, null, null), TicketQuery.fromJson(new JsonObject()));
  }

  @Test
  void aFieldOfTheWrongTypeIsABadRequestNamingIt() {
    Validation wrong = assertThrows(Validation.class, () -> NewOrder.fromJson(new JsonObject().put("ticketId", 12)));
    assertEquals(400, wrong.status());
    assertEquals("ticketId", wrong.errors().get(0).field());
    assertEquals("price", assertThrows(Validation.class,
        () -> TicketInput.fromJson(new JsonObject().put("price", true))).errors().get(0).field());
    assertEquals("limit", assertThrows(Validation.class,
        () -> TicketQuery.fromJson(new JsonObject().put("limit", 2.5))).errors().get(0).field());
  }

  private static JsonObject golden(Command command) throws IOException {
    String file = "/golden/commands/" + command.address() + ".json";
    try (InputStream in = GoldenCommandsTest.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IOException("missing golden file " + file);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
