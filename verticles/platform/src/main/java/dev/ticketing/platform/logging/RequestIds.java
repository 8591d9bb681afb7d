package dev.ticketing.platform.logging;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * The id of the request being handled, kept on the Vert.x context that handles it, so every log
 * line written for that request, also in callbacks after a database answered, carries it (see
 * {@link RequestIdTurboFilter}). Vert.x runs each HTTP request and each event-bus message on a
 * context of its own (a duplicate of the verticle's) that its futures complete on: the id is
 * bound there, and never on a verticle's own context, where it would stick to unrelated work.
 */
public final class RequestIds {

  private static final Object KEY = RequestIds.class;

  private RequestIds() {
  }

  /** Binds {@code requestId} to the request's context; nothing when there is no such context or no id. */
  public static void bind(String requestId) {
    Context context = Vertx.currentContext();
    if (requestId != null && context instanceof ContextInternal internal && internal.isDuplicate()) {
      internal.putLocal(KEY, requestId);
    }
  }

  /** The id bound to the context this thread runs now, or null. */
  public static String current() {
    Context context = Vertx.currentContext();
    return context instanceof ContextInternal internal && internal.isDuplicate() ? internal.getLocal(KEY) : null;
  }
}
