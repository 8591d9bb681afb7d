package dev.ticketing.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's readiness ping and the management server's /ready both see the database. */
@ExtendWith(VertxExtension.class)
class OrdersVerticleHealthTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started();

  @Test
  void answersPingsAndReadiness(VertxTestContext test) {
    orders.vertx().eventBus().<JsonObject>request(Service.ORDERS.pingAddress(), new JsonObject())
        .compose(pong -> {
          test.verify(() -> assertEquals("UP", pong.body().getString("status")));
          return orders.vertx().createHttpClient().request(HttpMethod.GET, orders.verticle().managementPort(), "127.0.0.1", "/ready");
        })
        .compose(request -> request.send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(200, response.statusCode());
          test.completeNow();
        })));
  }
}
