package dev.ticketing.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire form of every event payload to a golden JSON file. A change that breaks what
 * consumers already read fails here; a deliberate change bumps the subject's schema version and
 * updates the file in the same commit.
 */
class GoldenPayloadsTest {

  private static final Map<Subject, EventPayload> SAMPLES = Map.of(
      Subject.TICKET_CREATED, new TicketCreated("t1", 0, "Concert", 2050, "u1"),
      Subject.TICKET_UPDATED, new TicketUpdated("t1", 2, "Concert", 2050, "u1", "o1", true),
      Subject.ORDER_CREATED, new OrderCreated("o1", 0, "created", "u2", Instant.parse("2026-11-22T10:15:00Z"), "t1", 2050, 3),
      Subject.ORDER_CANCELLED, new OrderCancelled("o1", 1, "t1"),
      Subject.ORDER_COMPLETED, new OrderCompleted("o1", 1, "t1"),
      Subject.EXPIRATION_COMPLETE, new ExpirationComplete("o1"),
      Subject.PAYMENT_CREATED, new PaymentCreated("p1", "o1", "pi_123"),
      Subject.RESERVATION_REFUSED, new ReservationRefused("o1", "t1", 3, 4));

  @Test
  void everySubjectHasAGoldenPayload() {
    assertEquals(EnumSet.allOf(Subject.class), EnumSet.copyOf(SAMPLES.keySet()));
  }

  @Test
  void payloadsEncodeExactlyAsTheGoldenFiles() throws IOException {
    for (Map.Entry<Subject, EventPayload> sample : SAMPLES.entrySet()) {
      assertEquals(golden(sample.getKey()), sample.getValue().toJson(), sample.getKey().wireName());
    }
  }

  @Test
  void goldenFilesDecodeToTheSamePayloads() throws IOException {
    for (Map.Entry<Subject, EventPayload> sample : SAMPLES.entrySet()) {
      assertEquals(sample.getValue(), sample.getKey().decode(golden(sample.getKey())), sample.getKey().wireName());
    }
  }

  @Test
  void aTicketUpdateFromBeforeSoldExistedDecodesAsNotSold() {
    JsonObject older = new JsonObject().put("id", "t1").put("version", 1).put("title", "Concert").put("price", 2050)
        .put("userId", "u1").putNull("orderId");
    assertEquals(new TicketUpdated("t1", 1, "Concert", 2050, "u1", null, false), Subject.TICKET_UPDATED.decode(older));
  }

  @Test
  void anOrderCreationFromBeforeTicketVersionsExistedDecodesAsUnknownVersion() {
    JsonObject older = new JsonObject().put("id", "o1").put("version", 0).put("status", "created").put("userId", "u2")
        .put("expiresAt", "2026-11-22T10:15:00Z").put("ticket", new JsonObject().put("id", "t1").put("price", 2050));
    assertEquals(OrderCreated.UNKNOWN_TICKET_VERSION, ((OrderCreated) Subject.ORDER_CREATED.decode(older)).ticketVersion());
  }

  @Test
  void malformedPayloadsAreRefusedNotGuessed() {
    assertThrows(IllegalArgumentException.class, () -> Subject.ORDER_CREATED.decode(new JsonObject().put("id", "o1")));
    assertThrows(IllegalArgumentException.class, () -> Subject.TICKET_CREATED.decode(
        new JsonObject().put("id", "t1").put("version", 0).put("title", "x").put("price", 20.5).put("userId", "u")));
  }

  @Test
  void theSubscriptionMapIsTheDocumentedOne() {
    assertEquals(Set.of("orders"), groups(Subject.TICKET_CREATED));
    assertEquals(Set.of("orders"), groups(Subject.TICKET_UPDATED));
    assertEquals(Set.of("tickets", "payments", "expiration"), groups(Subject.ORDER_CREATED));
    assertEquals(Set.of("tickets", "payments"), groups(Subject.ORDER_CANCELLED));
    assertEquals(Set.of("tickets", "payments"), groups(Subject.ORDER_COMPLETED));
    assertEquals(Set.of("orders"), groups(Subject.EXPIRATION_COMPLETE));
    assertEquals(Set.of("orders"), groups(Subject.PAYMENT_CREATED));
    assertEquals(Set.of("orders"), groups(Subject.RESERVATION_REFUSED));
    assertEquals("events.order:created.tickets", Subject.ORDER_CREATED.address(ConsumerGroup.TICKETS));
    assertThrows(IllegalArgumentException.class, () -> Subject.ORDER_CREATED.address(ConsumerGroup.ORDERS));
  }

  private static Set<String> groups(Subject subject) {
    return subject.consumers().stream().map(ConsumerGroup::wireName).collect(Collectors.toSet());
  }

  private static JsonObject golden(Subject subject) throws IOException {
    String file = "/golden/" + subject.wireName().replace(':', '-') + ".v" + subject.schemaVersion() + ".json";
    try (InputStream in = GoldenPayloadsTest.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IOException("missing golden file " + file);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
