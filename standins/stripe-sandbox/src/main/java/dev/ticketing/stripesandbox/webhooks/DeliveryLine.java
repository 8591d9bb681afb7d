package dev.ticketing.stripesandbox.webhooks;

import java.util.ArrayDeque;

/**
 * The undelivered events of one payment intent, oldest first. Only the head is ever on its way, so
 * the receiver sees an intent's events in the order they happened (a failed event holds back the
 * ones after it until it is delivered or given up). Mutable, confined to the sandbox's event loop.
 */
final class DeliveryLine {

  final String key;
  final ArrayDeque<PendingWebhook> queue = new ArrayDeque<>();
  /** Attempts made for the current head. */
  int attempts;
  long firstAttemptNanos;
  /** The head's request is out and unanswered. */
  boolean sending;
  /** The retry timer of the head, or -1. */
  long retryTimer = -1;

  DeliveryLine(String key) {
    this.key = key;
  }

  /** The head is being sent or waits for its retry: nothing else may start. */
  boolean busy() {
    return sending || retryTimer >= 0;
  }

  /** Forgets the head's attempts so the next event starts afresh. */
  void nextHead() {
    attempts = 0;
    firstAttemptNanos = 0;
  }
}
