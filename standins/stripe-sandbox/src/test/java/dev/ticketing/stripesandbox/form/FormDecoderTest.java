package dev.ticketing.stripesandbox.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.stripesandbox.errors.ApiError;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

  @Test
  void nestsBracketedNamesAsStripeJavaSendsThem() {
    JsonObject nested = FormDecoder.decodeNested("confirm=true&amount=1500&metadata[x+y]=a%26b%3Dc"
        + "&metadata[orderId]=o-1&payment_method_types[0]=card&payment_method_data[type]=card"
        + "&payment_method_data[card][token]=tok_visa");

    assertEquals("1500", nested.getString("amount"));
    assertEquals(new JsonObject().put("x y", "a&b=c").put("orderId", "o-1"), nested.getJsonObject("metadata"));
    assertEquals(new JsonObject().put("0", "card"), nested.getJsonObject("payment_method_types"));
    assertEquals("tok_visa", nested.getJsonObject("payment_method_data").getJsonObject("card").getString("token"));
  }

  @Test
  void acceptsPercentEncodedBracketsAndAppendingBrackets() {
    JsonObject nested = FormDecoder.decodeNested("expand%5B%5D=a&expand%5B%5D=b");

    assertEquals(List.of("a", "b"), new Params(nested).stringList("expand").orElseThrow());
  }

  @Test
  void listsAreReadInIndexOrder() {
    Params params = new Params(FormDecoder.decodeNested("t[10]=k&t[2]=c&t[0]=a"));

    assertEquals(List.of("a", "c", "k"), params.stringList("t").orElseThrow());
  }

  @Test
  void laterScalarWinsButScalarAndObjectConflict() {
    assertEquals("2", FormDecoder.decodeNested("a=1&a=2").getString("a"));
    assertThrows(ApiError.class, () -> FormDecoder.decodeNested("a=1&a[b]=2"));
    assertThrows(ApiError.class, () -> FormDecoder.decodeNested("a[b]=2&a=1"));
    assertThrows(ApiError.class, () -> FormDecoder.decodeNested("a[b=2"));
    assertThrows(ApiError.class, () -> FormDecoder.decodeNested("a=%zz"));
  }

  @Test
  void emptyMetadataValuesAreDropped() {
    Params params = new Params(FormDecoder.decodeNested("metadata[a]=1&metadata[b]="));

    assertEquals(Map.of("a", "1"), params.metadata("metadata"));
  }

  @Test
  void nestedErrorsNameTheFullParameter() {
    Params card = new Params(FormDecoder.decodeNested("payment_method_data[card][x]=1"))
        .object("payment_method_data").orElseThrow().object("card").orElseThrow();

    ApiError error = assertThrows(ApiError.class, () -> card.requiredString("token"));

    assertEquals("payment_method_data[card][token]", error.body().getJsonObject("error").getString("param"));
  }
}
