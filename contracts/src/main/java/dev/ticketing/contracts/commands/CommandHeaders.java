package dev.ticketing.contracts.commands;

/**
 * Message headers the gateway sets on every command. Only the gateway sets them, after verifying
 * the session; client headers are never copied into them, so a service can trust the user id.
 */
public final class CommandHeaders {

  /** The signed-in user's id; absent when nobody is signed in. */
  public static final String USER_ID = "user-id";
  /** The signed-in user's email; absent when nobody is signed in. */
  public static final String USER_EMAIL = "user-email";
  /** Correlates log lines across JVMs for one HTTP request. */
  public static final String REQUEST_ID = "request-id";
  /** The client's network address as the gateway saw it, for per-address rate limits. */
  public static final String CLIENT_ADDRESS = "client-address";

  private CommandHeaders() {
  }
}
