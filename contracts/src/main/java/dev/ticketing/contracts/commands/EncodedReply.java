package dev.ticketing.contracts.commands;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import java.util.Map;

/**
 * A command's reply already encoded as the HTTP body the gateway sends (JSON bytes), with values
 * for the gateway in message headers. For replies that are large and asked for often (a listing
 * page): the service encodes once, may keep the bytes while nothing changes, and the gateway
 * forwards them without decoding and encoding again.
 *
 * @param json    the response body, JSON
 * @param headers reply headers (see {@link #NEXT_CURSOR})
 */
public record EncodedReply(Buffer json, Map<String, String> headers) {

  /** Header of a listing page's reply: the cursor of the next page, absent on the last page. */
  public static final String NEXT_CURSOR = "next-cursor";

  public EncodedReply {
    headers = Map.copyOf(headers);
  }

  /** A listing page: its items as the body, the next page's cursor (null on the last page) in a header. */
  public static EncodedReply page(JsonArray items, String nextCursor) {
    return new EncodedReply(items.toBuffer(), nextCursor == null ? Map.of() : Map.of(NEXT_CURSOR, nextCursor));
  }

  /** The options a reply carries these headers with. */
  public DeliveryOptions options() {
    DeliveryOptions options = new DeliveryOptions();
    headers.forEach(options::addHeader);
    return options;
  }
}
