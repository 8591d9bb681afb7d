package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  private HttpResponse<Buffer> signUp(String body) throws Exception {
    return gateway.signUp("application/json", Buffer.buffer(body));
  }

  private HttpResponse<Buffer> sell(String body) throws Exception {
    return await(gateway.http().post("/api/tickets").putHeader("Cookie", gateway.session())
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));
  }

  /** Sells a ticket whose price is written as {@code price} in the body. */
  private HttpResponse<Buffer> sellAt(String price) throws Exception {
    return sell("{\"title\":\"x\",\"price\":" + price + "}");
  }

  @Test
  void lenientJsonIsNotJson() throws Exception {
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

    for (String body : lenient) {
      assertEquals(NOT_JSON, assertError(400, signUp(body)), body);
    }
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void onlyApplicationJsonInUtf8IsAccepted() throws Exception {
    List<String> refused = List.of("application/jsonx", "application/json-patch+json", "text/json",
        "application/json; charset=iso-8859-1", "application/json; boundary=x", "application/x-www-form-urlencoded");

    for (String type : refused) {
      assertEquals(error("Content-Type must be application/json", null),
          assertError(415, gateway.signUp(type, Buffer.buffer(CREDENTIALS))), type);
    }
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void applicationJsonWithOrWithoutCharsetIsAccepted() throws Exception {
    List<String> accepted = List.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
        "Application/JSON; Charset=\"utf-8\"");

    for (String type : accepted) {
      assertEquals(201, gateway.signUp(type, Buffer.buffer(CREDENTIALS)).statusCode(), type);
    }
    assertEquals(accepted.size(), gateway.services().received.size());
  }

  @Test
  void aBodyThatIsNotAnObjectIs400() throws Exception {
    for (String body : List.of("[]", "\"x\"", "1", "null", "true")) {
      assertEquals(error("The request body must be a JSON object", null), assertError(400, signUp(body)), body);
    }
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void deepNestingIsRefusedWithoutRecursion() throws Exception {
    String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
    String deepInField = "{\"email\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"password\":\"password1\"}";
    String unclosed = "{\"email\":" + "{\"a\":".repeat(5_000);

    for (String body : List.of(deepArrays, deepInField, unclosed)) {
      assertEquals(error("The request body is nested too deeply", null), assertError(400, signUp(body)));
    }
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void duplicateFieldsAreRefusedAndNamed() throws Exception {
    HttpResponse<Buffer> response = signUp("{\"email\":\"a@b.co\",\"password\":\"password1\",\"email\":\"c@d.co\"}");

    assertEquals(error("Duplicate field email", "email"), assertError(400, response));
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void numbersADoubleCannotHoldAreRefusedAndNamed() throws Exception {
    for (String price : List.of("1e400", "-1e400")) {
      assertEquals(error("price is too large", "price"), assertError(400, sellAt(price)), price);
    }
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void numbersWithThousandsOfDigitsAreRefusedAndNamed() throws Exception {
    for (String price : List.of("9".repeat(5_000), "0." + "1".repeat(5_000))) {
      assertEquals(error("price has too many digits", "price"), assertError(400, sellAt(price)));
    }
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void aLargeButFiniteNumberIsTheServicesToJudge() throws Exception {
    HttpResponse<Buffer> response = sellAt("123456789012345678901234567890");

    assertEquals(201, response.statusCode());
    assertEquals(1, gateway.services().received.size());
  }

  @Test
  void nulAndBytesThatAreNotUtf8AreRefused() throws Exception {
    Buffer rawNulInString = Buffer.buffer("{\"email\":\"a").appendByte((byte) 0).appendString("@b.co\",\"password\":\"password1\"}");
    Buffer rawNulOutside = Buffer.buffer(CREDENTIALS).appendByte((byte) 0);
    Buffer invalidUtf8 = Buffer.buffer("{\"email\":\"a").appendByte((byte) 0xFF).appendString("@b.co\",\"password\":\"password1\"}");
    Buffer overlong = Buffer.buffer("{\"email\":\"a").appendByte((byte) 0xC0).appendByte((byte) 0xAF).appendString("\",\"password\":\"p\"}");
    Buffer utf16 = Buffer.buffer(CREDENTIALS.getBytes(StandardCharsets.UTF_16LE));

    for (Buffer body : List.of(rawNulInString, rawNulOutside, invalidUtf8, overlong, utf16)) {
      assertEquals(NOT_JSON, assertError(400, gateway.signUp("application/json", body)));
    }
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void escapedNulAndLoneSurrogatesAreRefusedAndNamed() throws Exception {
    List<String> bodies = List.of("{\"email\":\"a\\u0000@b.co\",\"password\":\"password1\"}",
        "{\"email\":\"a@b.co\",\"password\":\"pass\\ud800word\"}");
    List<String> fields = List.of("email", "password");

    for (int index = 0; index < bodies.size(); index++) {
      assertEquals(error(fields.get(index) + " contains a character that is not allowed", fields.get(index)),
          assertError(400, signUp(bodies.get(index))));
    }
    assertEquals(0, gateway.services().received.size());
  }
}
