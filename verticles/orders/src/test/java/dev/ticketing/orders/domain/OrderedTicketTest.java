package dev.ticketing.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrderedTicketTest {

  private final OrderedTicket ordered = new OrderedTicket("t1", "Opera", 2000, 0);

  @Test
  void theReplicasCurrentTitlePriceAndVersionWin() {
    assertEquals(new OrderedTicket("t1", "Opera (matinee)", 2500, 3),
        ordered.current(new Ticket("t1", "Opera (matinee)", 2500, "seller", 3)));
  }

  @Test
  void theStoredCopyIsShownWhenTheReplicaLacksTheTicket() {
    assertEquals(ordered, ordered.current(null));
    assertEquals(ordered, ordered.current(new Ticket("t2", "Other", 1, "seller", 9)));
  }
}
