package dev.ticketing.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.platform.commands.CommandBinder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

/** A command's log lines carry the gateway's request id, also after an asynchronous step, and only that command's. */
@ExtendWith(VertxExtension.class)
class RequestIdsTest {

  private final RequestIdTurboFilter filter = new RequestIdTurboFilter();

  @Test
  void theIdFollowsTheCommandThroughItsCallbacksAndNoFurther(Vertx vertx, VertxTestContext test) {
    new CommandBinder(vertx)
        .bind(Command.SHOW_TICKET, request -> vertx.timer(5).map(fired -> {
          filter.decide(null, null, null, null, null, null);  // as logback does before each log event
          return new JsonObject().put("logged", MDC.get(RequestIdTurboFilter.MDC_KEY));
        }))
        .completion()
        .compose(bound -> ask(vertx, "req-1"))
        .compose(first -> ask(vertx, null).map(second -> List.of(first, second)))
        .onComplete(test.succeeding(answers -> test.verify(() -> {
          assertEquals("req-1", answers.get(0).getString("logged"));
          assertNull(answers.get(1).getString("logged"), "a command without an id never shows another's");
          test.completeNow();
        })));
  }

  private static Future<JsonObject> ask(Vertx vertx, String requestId) {
    DeliveryOptions options = new DeliveryOptions();
    if (requestId != null) {
      options.addHeader(CommandHeaders.REQUEST_ID, requestId);
    }
    return vertx.eventBus().<JsonObject>request(Command.SHOW_TICKET.address(), new JsonObject(), options).map(Message::body);
  }
}
