package dev.ticketing.orders;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway's readiness ping and the management server's /ready both see the database. */
class OrdersVerticleHealthTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started();

  @Test
  void answersPingsAndReadiness() throws Exception {
    JsonObject pong = await(orders.vertx().eventBus().<JsonObject>request(Service.ORDERS.pingAddress(), new JsonObject())).body();

    HttpClientResponse ready = await(orders.vertx().createHttpClient()
        .request(HttpMethod.GET, orders.verticle().managementPort(), "127.0.0.1", "/ready")
        .compose(request -> request.send()));

    assertEquals("UP", pong.getString("status"));
    assertEquals(200, ready.statusCode());
  }
}
