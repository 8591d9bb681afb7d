package dev.ticketing.auth;

import static dev.ticketing.auth.AuthFixture.failure;
import static dev.ticketing.auth.AuthFixture.refusal;
import static dev.ticketing.auth.AuthFixture.send;
import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.auth.security.SigninLimits;
import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import dev.ticketing.platform.testing.RedisServer;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every auth rule, against the real Mongo wire server and a real redis-server. */
@ExtendWith(VertxExtension.class)
class AuthCommandsTest {

  private static final SigninLimits GENEROUS = new SigninLimits(10, 300, 900);
  private static EmbeddedMongo mongo;
  @RegisterExtension
  static final RedisServer redis = new RedisServer();

  @BeforeAll
  static void startStores() {
    mongo = new EmbeddedMongo();
  }

  @AfterAll
  static void stopStores() {
    mongo.close();
  }

  private static void deploy(Vertx vertx, SigninLimits limits) throws Exception {
    await(vertx.deployVerticle(new AuthVerticle(AuthFixture.config(mongo, redis, limits))));
  }

  /** Deploys auth with {@code limits} and signs {@code email} up with {@code "right password"}; the user. */
  private static JsonObject deployWithAccount(Vertx vertx, SigninLimits limits, String email, String clientAddress)
      throws Exception {
    deploy(vertx, limits);
    return await(send(vertx, Command.SIGN_UP, email, "right password", clientAddress));
  }

  private static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void signUpStoresANormalisedEmailAndOnlyASlowHash(Vertx vertx) throws Exception {
    String email = uniqueEmail();
    deploy(vertx, GENEROUS);

    JsonObject user = await(send(vertx, Command.SIGN_UP, "  " + email.toUpperCase() + " ", "correct horse", "10.0.0.1"));

    assertEquals(email, user.getString("email"));
    assertEquals(24, user.getString("id").length());
    assertEquals(List.of("id", "email"), List.copyOf(user.fieldNames()), "never a password or hash");
    JsonObject stored =
        await(Mongo.client(vertx, mongo.settings("auth")).findOne("users", new JsonObject().put("email", email), null));
    String hash = stored.getString("passwordHash");
    assertTrue(hash.startsWith("$2b$10$"), hash);
    assertNotEquals("correct horse", hash);
  }

  @Test
  void anEmailIsTakenOnceEvenWhenSignUpsRace(Vertx vertx) throws Exception {
    String email = uniqueEmail();
    deploy(vertx, GENEROUS);

    List<Future<JsonObject>> attempts = IntStream.range(0, 8)
        .mapToObj(i -> send(vertx, Command.SIGN_UP, i % 2 == 0 ? email : email.toUpperCase(), "password" + i, "10.0.0.2"))
        .toList();
    await(Future.join(attempts).otherwiseEmpty()); // every attempt answered, whichever of them failed
    CompositeFuture refusals = await(Future.all(attempts.stream().filter(Future::failed).map(AuthFixture::failure).toList()));

    assertEquals(1, attempts.stream().filter(Future::succeeded).count());
    assertEquals(7, refusals.size());
    for (int i = 0; i < refusals.size(); i++) {
      ApiException refused = refusals.resultAt(i);
      assertEquals(400, refused.status());
      assertEquals(List.of(ApiError.of("Email in use")), refused.errors());
    }
  }

  @Test
  void signUpRulesAreAnsweredAsFieldErrors(Vertx vertx) throws Exception {
    deploy(vertx, GENEROUS);

    ApiException invalid = refusal(vertx, Command.SIGN_UP, "nope", "1234567", "10.0.0.3");
    assertEquals(List.of(new ApiError("Email must be valid", "email"),
        new ApiError("Password must be between 8 and 128 characters", "password")), invalid.errors());
    ApiException tooLong = refusal(vertx, Command.SIGN_UP, uniqueEmail(), "p".repeat(129), "10.0.0.3");
    assertEquals(400, tooLong.status());
    assertEquals("password", tooLong.errors().get(0).field());
  }

  @Test
  void signInAcceptsOnlyTheRightPasswordAndSaysTheSameForUnknownEmails(Vertx vertx) throws Exception {
    String email = uniqueEmail();
    JsonObject user = deployWithAccount(vertx, GENEROUS, email, "10.0.0.4");

    assertEquals(user, await(send(vertx, Command.SIGN_IN, email.toUpperCase(), "right password", "10.0.0.4")));
    ApiException wrong = refusal(vertx, Command.SIGN_IN, email, "wrong password", "10.0.0.4");
    ApiException unknown = refusal(vertx, Command.SIGN_IN, uniqueEmail(), "right password", "10.0.0.4");
    assertEquals(List.of(ApiError.of("Invalid credentials")), wrong.errors());
    assertEquals(wrong.errors(), unknown.errors());
    assertEquals(400, unknown.status());
  }

  @Test
  void passwordsLongerThanBcryptsInputAreComparedWhole(Vertx vertx) throws Exception {
    String email = uniqueEmail();
    String longPassword = "x".repeat(100) + "-the-end";
    String samePrefix = "x".repeat(100) + "-another";
    deploy(vertx, GENEROUS);
    await(send(vertx, Command.SIGN_UP, email, longPassword, "10.0.0.5"));
    await(send(vertx, Command.SIGN_IN, email, longPassword, "10.0.0.5"));

    ApiException refused = refusal(vertx, Command.SIGN_IN, email, samePrefix, "10.0.0.5");

    assertEquals("Invalid credentials", refused.errors().get(0).message());
  }

  @Test
  void failedSignInsAreLimitedPerAccountEvenForTheRightPassword(Vertx vertx) throws Exception {
    String email = uniqueEmail();
    deployWithAccount(vertx, new SigninLimits(3, 100, 900), email, "10.0.1.1");
    refusal(vertx, Command.SIGN_IN, email, "guess 1", "10.0.1.1");
    refusal(vertx, Command.SIGN_IN, email, "guess 2", "10.0.1.2");
    refusal(vertx, Command.SIGN_IN, email, "guess 3", "10.0.1.3");

    ApiException limited = refusal(vertx, Command.SIGN_IN, email, "right password", "10.0.1.4");

    assertEquals(429, limited.status());
    assertEquals("Too many failed sign-in attempts, try again later", limited.errors().get(0).message());
    Response ttl = await(redis.settings().client(vertx).ttl("signin-failures:account:" + email));
    assertTrue(ttl.toLong() > 0 && ttl.toLong() <= 900, "the window expires: " + ttl);
  }

  @Test
  void aBurstOfGuessesAtOnceGetsNoMoreTriesThanTheLimit(Vertx vertx) throws Exception {
    String email = uniqueEmail();
    deployWithAccount(vertx, new SigninLimits(5, 1000, 900), email, "10.0.3.1");

    CompositeFuture all = await(Future.join(IntStream.range(0, 40)
        .mapToObj(i -> failure(send(vertx, Command.SIGN_IN, email, "guess " + i, "10.0.3." + (i % 200)))).toList()));

    long tried = all.<ApiException>list().stream().filter(refused -> refused.status() == 400).count();
    long limited = all.<ApiException>list().stream().filter(refused -> refused.status() == 429).count();
    assertEquals(5, tried, "exactly the limit was checked against the password");
    assertEquals(35, limited);
  }

  @Test
  void aRightPasswordDoesNotUseUpTheLimit(Vertx vertx) throws Exception {
    String email = uniqueEmail();
    deployWithAccount(vertx, new SigninLimits(2, 1000, 900), email, "10.0.4.1");
    for (int i = 0; i < 3; i++) {
      await(send(vertx, Command.SIGN_IN, email, "right password", "10.0.4.1"));
    }

    ApiException refused = refusal(vertx, Command.SIGN_IN, email, "guess", "10.0.4.1");

    assertEquals(400, refused.status(), "three right passwords counted nothing, so a guess is still tried");
  }

  @Test
  void failedSignInsAreLimitedMoreLooselyPerAddress(Vertx vertx) throws Exception {
    String address = "10.9." + (System.nanoTime() % 200) + ".7";
    SigninLimits perAddressFour = new SigninLimits(100, 4, 900);
    String known = uniqueEmail();
    deployWithAccount(vertx, perAddressFour, known, "10.8.0.1");
    await(Future.join(IntStream.range(0, 4)
        .mapToObj(i -> failure(send(vertx, Command.SIGN_IN, uniqueEmail(), "guess", address))).toList()));

    assertEquals(429, refusal(vertx, Command.SIGN_IN, known, "right password", address).status());
    JsonObject otherAddress = await(send(vertx, Command.SIGN_IN, known, "right password", "10.8.0.2"));
    assertEquals(known, otherAddress.getString("email"));
  }

  @Test
  void theCountersAreSharedByEveryAuthInstance(Vertx vertx) throws Exception {
    String email = uniqueEmail();
    SigninLimits two = new SigninLimits(2, 100, 900);
    Vertx other = Vertx.vertx();
    try {
      deploy(vertx, two);
      deploy(other, two);
      await(send(vertx, Command.SIGN_UP, email, "right password", "10.0.2.1"));
      refusal(vertx, Command.SIGN_IN, email, "guess 1", "10.0.2.1");
      refusal(vertx, Command.SIGN_IN, email, "guess 2", "10.0.2.1");

      ApiException limitedElsewhere = refusal(other, Command.SIGN_IN, email, "right password", "10.0.2.1");

      assertEquals(429, limitedElsewhere.status());
    } finally {
      await(other.close());
    }
  }
}
