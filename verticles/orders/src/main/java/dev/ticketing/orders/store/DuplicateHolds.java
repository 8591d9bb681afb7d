package dev.ticketing.orders.store;

import dev.ticketing.platform.mongo.Mongo;

/**
 * Tells which hold index refused an insert. MongoDB and our wire server both name the index in the
 * E11000 message ("... index: ticket_hold_unique dup key: ..."), which OrderStoreTest pins; when
 * a server words it otherwise, the store re-queries instead (see {@link OrderStore}).
 */
final class DuplicateHolds {

  static final String TICKET_HOLD_INDEX = "ticket_hold_unique";
  static final String USER_HOLD_INDEX = "user_hold_unique";

  private DuplicateHolds() {
  }

  /** The hold a duplicate-key failure names; null when it is no duplicate key or names neither index. */
  static HoldTaken.Kind named(Throwable failure) {
    if (!Mongo.isDuplicateKey(failure)) {
      return null;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains(TICKET_HOLD_INDEX)) {
        return HoldTaken.Kind.TICKET;
      }
      if (message != null && message.contains(USER_HOLD_INDEX)) {
        return HoldTaken.Kind.USER_SLOT;
      }
    }
    return null;
  }
}
