package dev.ticketing.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Puts the request id of the Vert.x context the logging thread runs (see {@link RequestIds}) into
 * the MDC as {@code requestId} before each log event is made, and takes it out where there is
 * none, so an event loop never lends one request's id to the next. The text pattern prints it,
 * the JSON encoder writes it as a field. Decides nothing itself.
 */
public final class RequestIdTurboFilter extends TurboFilter {

  public static final String MDC_KEY = "requestId";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    String requestId = RequestIds.current();
    if (requestId != null) {
      MDC.put(MDC_KEY, requestId);
    } else if (MDC.get(MDC_KEY) != null) {
      MDC.remove(MDC_KEY);
    }
    return FilterReply.NEUTRAL;
  }
}
