package dev.ticketing.platform.commands;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a store or a peer that cannot be reached (a database restarting, a call that ran out of
 * time) from a bug: the first is "temporarily unavailable, try again" (503), the second a generic
 * 500. A write that met a lost connection may or may not have applied; what it touched is
 * conditional and versioned, so a retry finds out.
 */
public final class Unavailable {

  private Unavailable() {
  }

  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MongoSocketException || t instanceof MongoTimeoutException || t instanceof TimeoutException
          || t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
