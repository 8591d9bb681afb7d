package dev.ticketing.orders.store;

/**
 * An insert lost a race in one of the unique hold indexes. Which one matters: a taken ticket is
 * the buyer's final answer, a taken slot only means a concurrent order of the same user got there
 * first and another slot may be free.
 */
public final class HoldTaken extends RuntimeException {

  /** Which hold was taken. */
  public enum Kind { TICKET, USER_SLOT }

  private final Kind kind;

  public HoldTaken(Kind kind) {
    super(kind == Kind.TICKET ? "ticket already held" : "hold slot already taken", null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
