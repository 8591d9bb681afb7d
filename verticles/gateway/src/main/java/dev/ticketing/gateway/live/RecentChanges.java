package dev.ticketing.gateway.live;

import dev.ticketing.contracts.live.LiveTicketChange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few ticket changes this gateway streamed, in arrival order, for browsers that reconnect:
 * they get every kept change written at or after the one they saw last (its time is in its id). A
 * change that arrived out of time order, or an id from before what is kept, costs a change or two
 * sent again, which versions make harmless. Confined to the gateway's event loop.
 */
final class RecentChanges {

  private final int capacity;
  private final Deque<LiveTicketChange> changes = new ArrayDeque<>();

  RecentChanges(int capacity) {
    this.capacity = capacity;
  }

  void add(LiveTicketChange change) {
    changes.addLast(change);
    while (changes.size() > capacity) {
      changes.removeFirst();
    }
  }

  /** Kept changes written at or after {@code lastSeenId}'s time, except that one; none for an id that is not ours. */
  List<LiveTicketChange> since(String lastSeenId) {
    long seenAt = LiveTicketChange.timeOf(lastSeenId);
    if (seenAt < 0) {
      return List.of();
    }
    return changes.stream().filter(change -> change.at() >= seenAt && !change.eventId().equals(lastSeenId)).toList();
  }
}
