package dev.ticketing.stripesandbox.idempotency;

import dev.ticketing.stripesandbox.http.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Stripe's idempotency rules, in memory (not durable: a restart forgets every key).
 * A key belongs to one API key. The first request with it claims it; until that request has
 * answered, others with the same key get 409. Afterwards the same parameters replay the stored
 * answer and different ones get 400. As Stripe documents, only requests that began executing keep
 * their answer (successes and card declines); one rejected by validation releases the key.
 *
 * <p>Confined to the sandbox verticle's event loop: claim and settle never interleave.
 */
public final class IdempotencyStore {

  /** Stripe forgets keys after 24 hours. */
  public static final Duration RETENTION = Duration.ofHours(24);

  private final Clock clock;
  private final Map<Scope, Entry> entries = new HashMap<>();

  public IdempotencyStore(Clock clock) {
    this.clock = clock;
  }

  /** Identifies a key: the same idempotency key under two API keys is two keys. */
  public record Scope(String apiKey, String idempotencyKey) {
  }

  /** The outcome of presenting a key. */
  public sealed interface Claim {
    /** The key is new: run the request, then {@link #settle}. */
    record Fresh() implements Claim {
    }

    /** The request already ran; answer with this again. */
    record Replay(ApiResponse response, String originalRequestId) implements Claim {
    }

    /** The key was first used with other parameters (or another endpoint). */
    record Mismatch() implements Claim {
    }

    /** The first request with this key has not answered yet. */
    record InProgress() implements Claim {
    }
  }

  private record Entry(String fingerprint, String requestId, Instant firstUsed, ApiResponse response) {
  }

  /**
   * @param fingerprint what identifies "the same request": method, path and parameters, in a form
   *                    that does not depend on parameter order
   */
  public Claim claim(Scope scope, String fingerprint, String requestId) {
    Entry entry = entries.get(scope);
    if (entry == null) {
      entries.put(scope, new Entry(fingerprint, requestId, clock.instant(), null));
      return new Claim.Fresh();
    }
    if (!entry.fingerprint().equals(fingerprint)) {
      return new Claim.Mismatch();
    }
    if (entry.response() == null) {
      return new Claim.InProgress();
    }
    return new Claim.Replay(entry.response(), entry.requestId());
  }

  /** Records the answer of a fresh claim, or releases the key when the request never really ran. */
  public void settle(Scope scope, ApiResponse response) {
    Entry entry = entries.get(scope);
    if (entry == null) {
      return;
    }
    if (executed(response)) {
      entries.put(scope, new Entry(entry.fingerprint(), entry.requestId(), entry.firstUsed(), response));
    } else {
      entries.remove(scope);
    }
  }

  /** Forgets keys first used more than {@link #RETENTION} ago; returns how many. */
  public int purgeExpired() {
    Instant cutoff = clock.instant().minus(RETENTION);
    int before = entries.size();
    entries.values().removeIf(entry -> entry.response() != null && entry.firstUsed().isBefore(cutoff));
    return before - entries.size();
  }

  /** A 2xx or a 402 decline means the endpoint ran; 400s are validation, 5xx are sandbox bugs. */
  private static boolean executed(ApiResponse response) {
    return response.status() < 300 || response.status() == 402;
  }
}
