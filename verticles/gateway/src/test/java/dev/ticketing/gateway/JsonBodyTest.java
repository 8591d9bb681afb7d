package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request body is strict JSON (RFC 8259, UTF-8) holding an object, sent as
 * {@code application/json} with at most {@code charset=utf-8}; anything else is refused before
 * validation and reaches no service.
 */
@ExtendWith(VertxExtension.class)
class JsonBodyTest {

  private static final String CREDENTIALS = "{\"email\":\"a@b.co\",\"password\":\"password1\"}";
  private static final JsonObject NOT_JSON = error("The request body is not valid JSON", null);

  private Running gateway;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    gateway = GatewayFixture.running(vertx, services -> services.authAnswering("u1", "ann@example.com")
        .compose(ready -> services.on(Command.CREATE_TICKET, message -> message.reply(message.body()))));
  }

  private Future<HttpResponse<Buffer>> signUp(String body) {
    return gateway.signUp("application/json", Buffer.buffer(body));
  }

  private Future<HttpResponse<Buffer>> sell(String body) {
    return gateway.http().post("/api/tickets").putHeader("Cookie", gateway.session())
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
  }

  /** Sends each body in turn, checking every answer, then completes the test if nothing reached a service. */
  private <T> void each(VertxTestContext test, List<T> inputs, Function<T, Future<HttpResponse<Buffer>>> send,
                        BiConsumer<T, HttpResponse<Buffer>> check) {
    Future<Void> chain = Future.succeededFuture();
    for (T input : inputs) {
      chain = chain.compose(previous -> send.apply(input).map(response -> {
        test.verify(() -> check.accept(input, response));
        return null;
      }));
    }
    chain.onComplete(test.succeeding(done -> test.verify(() -> {
      assertEquals(0, gateway.services().received.size());
      test.completeNow();
    })));
  }

  @Test
  void lenientJsonIsNotJson(VertxTestContext test) {
    List<String> lenient = List.of(
        "{/*x*/\"email\":\"a@b.co\",\"password\":\"password1\"}",
        "{\"email\":\"a@b.co\", // note\n\"password\":\"password1\"}",
        "{'email':'a@b.co','password':'password1'}",
        "{email:\"a@b.co\",password:\"password1\"}",
        CREDENTIALS + "x",
        CREDENTIALS + "{}",
        "{\"email\":\"a@b.co\",\"password\":\"password1\",}",
        "{\"email\":NaN,\"password\":\"password1\"}",
        "{\"email\":Infinity,\"password\":\"password1\"}",
        "{\"email\":-Infinity,\"password\":\"password1\"}",
        "{\"email\":01,\"password\":\"password1\"}",
        "\uFEFF" + CREDENTIALS, // RFC 8259: senders must not add a byte-order mark; parsers may refuse one
        "   ");
    each(test, lenient, this::signUp, (body, response) -> assertEquals(NOT_JSON, assertError(400, response), body));
  }

  @Test
  void onlyApplicationJsonInUtf8IsAccepted(VertxTestContext test) {
    List<String> refused = List.of("application/jsonx", "application/json-patch+json", "text/json",
        "application/json; charset=iso-8859-1", "application/json; boundary=x", "application/x-www-form-urlencoded");
    each(test, refused, type -> gateway.signUp(type, Buffer.buffer(CREDENTIALS)), (type, response) ->
        assertEquals(error("Content-Type must be application/json", null), assertError(415, response), type));
  }

  @Test
  void applicationJsonWithOrWithoutCharsetIsAccepted(VertxTestContext test) {
    List<String> accepted = List.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
        "Application/JSON; Charset=\"utf-8\"");
    Future<Void> chain = Future.succeededFuture();
    for (String type : accepted) {
      chain = chain.compose(previous -> gateway.signUp(type, Buffer.buffer(CREDENTIALS)).map(response -> {
        test.verify(() -> assertEquals(201, response.statusCode(), type));
        return null;
      }));
    }
    chain.onComplete(test.succeeding(done -> test.verify(() -> {
      assertEquals(accepted.size(), gateway.services().received.size());
      test.completeNow();
    })));
  }

  @Test
  void aBodyThatIsNotAnObjectIs400(VertxTestContext test) {
    each(test, List.of("[]", "\"x\"", "1", "null", "true"), this::signUp, (body, response) ->
        assertEquals(error("The request body must be a JSON object", null), assertError(400, response), body));
  }

  @Test
  void deepNestingIsRefusedWithoutRecursion(VertxTestContext test) {
    String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
    String deepInField = "{\"email\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"password\":\"password1\"}";
    String unclosed = "{\"email\":" + "{\"a\":".repeat(5_000);
    each(test, List.of(deepArrays, deepInField, unclosed), this::signUp, (body, response) ->
        assertEquals(error("The request body is nested too deeply", null), assertError(400, response)));
  }

  @Test
  void duplicateFieldsAreRefusedAndNamed(VertxTestContext test) {
    each(test, List.of("{\"email\":\"a@b.co\",\"password\":\"password1\",\"email\":\"c@d.co\"}"), this::signUp,
        (body, response) -> assertEquals(error("Duplicate field email", "email"), assertError(400, response)));
  }

  @Test
  void numbersADoubleCannotHoldAreRefusedAndNamed(VertxTestContext test) {
    each(test, List.of("1e400", "-1e400"), price -> sell("{\"title\":\"x\",\"price\":" + price + "}"), (price, response) ->
        assertEquals(error("price is too large", "price"), assertError(400, response), price));
  }

  @Test
  void numbersWithThousandsOfDigitsAreRefusedAndNamed(VertxTestContext test) {
    each(test, List.of("9".repeat(5_000), "0." + "1".repeat(5_000)), price -> sell("{\"title\":\"x\",\"price\":" + price + "}"),
        (price, response) -> assertEquals(error("price has too many digits", "price"), assertError(400, response)));
  }

  @Test
  void aLargeButFiniteNumberIsTheServicesToJudge(VertxTestContext test) {
    sell("{\"title\":\"x\",\"price\":123456789012345678901234567890}").onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(201, response.statusCode());
      assertEquals(1, gateway.services().received.size());
      test.completeNow();
    })));
  }

  @Test
  void nulAndBytesThatAreNotUtf8AreRefused(VertxTestContext test) {
    Buffer rawNulInString = Buffer.buffer("{\"email\":\"a").appendByte((byte) 0).appendString("@b.co\",\"password\":\"password1\"}");
    Buffer rawNulOutside = Buffer.buffer(CREDENTIALS).appendByte((byte) 0);
    Buffer invalidUtf8 = Buffer.buffer("{\"email\":\"a").appendByte((byte) 0xFF).appendString("@b.co\",\"password\":\"password1\"}");
    Buffer overlong = Buffer.buffer("{\"email\":\"a").appendByte((byte) 0xC0).appendByte((byte) 0xAF).appendString("\",\"password\":\"p\"}");
    Buffer utf16 = Buffer.buffer(CREDENTIALS.getBytes(StandardCharsets.UTF_16LE));
    each(test, List.of(rawNulInString, rawNulOutside, invalidUtf8, overlong, utf16),
        body -> gateway.signUp("application/json", body), (body, response) -> assertEquals(NOT_JSON, assertError(400, response)));
  }

  @Test
  void escapedNulAndLoneSurrogatesAreRefusedAndNamed(VertxTestContext test) {
    List<String> bodies = List.of("{\"email\":\"a\\u0000@b.co\",\"password\":\"password1\"}",
        "{\"email\":\"a@b.co\",\"password\":\"pass\\ud800word\"}");
    List<String> fields = List.of("email", "password");
    each(test, List.of(0, 1), index -> signUp(bodies.get(index)), (index, response) -> assertEquals(
        error(fields.get(index) + " contains a character that is not allowed", fields.get(index)), assertError(400, response)));
  }
}
