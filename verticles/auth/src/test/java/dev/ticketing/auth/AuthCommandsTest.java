package dev.ticketing.auth;

import static dev.ticketing.auth.AuthFixture.failure;
import static dev.ticketing.auth.AuthFixture.send;
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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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

  private static Future<String> deploy(Vertx vertx, SigninLimits limits) {
    return vertx.deployVerticle(new AuthVerticle(AuthFixture.config(mongo, redis, limits)));
  }

  /** Deploys auth with {@code limits} and signs {@code email} up with {@code "right password"}. */
  private static Future<JsonObject> deployWithAccount(Vertx vertx, SigninLimits limits, String email, String clientAddress) {
    return deploy(vertx, limits).compose(deployed -> send(vertx, Command.SIGN_UP, email, "right password", clientAddress));
  }

  private static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void signUpStoresANormalisedEmailAndOnlyASlowHash(Vertx vertx, VertxTestContext test) {
    String email = uniqueEmail();
    deploy(vertx, GENEROUS)
        .compose(deployed -> send(vertx, Command.SIGN_UP, "  " + email.toUpperCase() + " ", "correct horse", "10.0.0.1"))
        .compose(user -> {
          test.verify(() -> {
            assertEquals(email, user.getString("email"));
            assertEquals(24, user.getString("id").length());
            assertEquals(List.of("id", "email"), List.copyOf(user.fieldNames()), "never a password or hash");
          });
          return Mongo.client(vertx, mongo.settings("auth")).findOne("users", new JsonObject().put("email", email), null);
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          String hash = stored.getString("passwordHash");
          assertTrue(hash.startsWith("$2b$10$"), hash);
          assertNotEquals("correct horse", hash);
          test.completeNow();
        })));
  }

  @Test
  void anEmailIsTakenOnceEvenWhenSignUpsRace(Vertx vertx, VertxTestContext test) {
    String email = uniqueEmail();
    deploy(vertx, GENEROUS).onComplete(test.succeeding(deployed -> {
      List<Future<JsonObject>> attempts = IntStream.range(0, 8)
          .mapToObj(i -> send(vertx, Command.SIGN_UP, i % 2 == 0 ? email : email.toUpperCase(), "password" + i, "10.0.0.2"))
          .toList();
      Future.join(attempts)
          .transform(done -> Future.all(attempts.stream().filter(Future::failed).map(AuthFixture::failure).toList()))
          .onComplete(test.succeeding(refusals -> test.verify(() -> {
            assertEquals(1, attempts.stream().filter(Future::succeeded).count());
            assertEquals(7, refusals.size());
            for (int i = 0; i < refusals.size(); i++) {
              ApiException refused = refusals.resultAt(i);
              assertEquals(400, refused.status());
              assertEquals(List.of(ApiError.of("Email in use")), refused.errors());
            }
            test.completeNow();
          })));
    }));
  }

  @Test
  void signUpRulesAreAnsweredAsFieldErrors(Vertx vertx, VertxTestContext test) {
    deploy(vertx, GENEROUS)
        .compose(deployed -> failure(send(vertx, Command.SIGN_UP, "nope", "1234567", "10.0.0.3")))
        .compose(invalid -> {
          test.verify(() -> assertEquals(List.of(new ApiError("Email must be valid", "email"),
              new ApiError("Password must be between 8 and 128 characters", "password")), invalid.errors()));
          return failure(send(vertx, Command.SIGN_UP, uniqueEmail(), "p".repeat(129), "10.0.0.3"));
        })
        .onComplete(test.succeeding(tooLong -> test.verify(() -> {
          assertEquals(400, tooLong.status());
          assertEquals("password", tooLong.errors().get(0).field());
          test.completeNow();
        })));
  }

  @Test
  void signInAcceptsOnlyTheRightPasswordAndSaysTheSameForUnknownEmails(Vertx vertx, VertxTestContext test) {
    String email = uniqueEmail();
    deployWithAccount(vertx, GENEROUS, email, "10.0.0.4")
        .compose(user -> send(vertx, Command.SIGN_IN, email.toUpperCase(), "right password", "10.0.0.4")
            .map(signedIn -> {
              test.verify(() -> assertEquals(user, signedIn));
              return user;
            }))
        .compose(user -> failure(send(vertx, Command.SIGN_IN, email, "wrong password", "10.0.0.4")))
        .compose(wrong -> failure(send(vertx, Command.SIGN_IN, uniqueEmail(), "right password", "10.0.0.4"))
            .map(unknown -> {
              test.verify(() -> {
                assertEquals(List.of(ApiError.of("Invalid credentials")), wrong.errors());
                assertEquals(wrong.errors(), unknown.errors());
                assertEquals(400, unknown.status());
              });
              return unknown;
            }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void passwordsLongerThanBcryptsInputAreComparedWhole(Vertx vertx, VertxTestContext test) {
    String email = uniqueEmail();
    String longPassword = "x".repeat(100) + "-the-end";
    String samePrefix = "x".repeat(100) + "-another";
    deploy(vertx, GENEROUS)
        .compose(deployed -> send(vertx, Command.SIGN_UP, email, longPassword, "10.0.0.5"))
        .compose(user -> send(vertx, Command.SIGN_IN, email, longPassword, "10.0.0.5"))
        .compose(signedIn -> failure(send(vertx, Command.SIGN_IN, email, samePrefix, "10.0.0.5")))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals("Invalid credentials", refused.errors().get(0).message());
          test.completeNow();
        })));
  }

  @Test
  void failedSignInsAreLimitedPerAccountEvenForTheRightPassword(Vertx vertx, VertxTestContext test) {
    String email = uniqueEmail();
    deployWithAccount(vertx, new SigninLimits(3, 100, 900), email, "10.0.1.1")
        .compose(user -> failure(send(vertx, Command.SIGN_IN, email, "guess 1", "10.0.1.1")))
        .compose(failed -> failure(send(vertx, Command.SIGN_IN, email, "guess 2", "10.0.1.2")))
        .compose(failed -> failure(send(vertx, Command.SIGN_IN, email, "guess 3", "10.0.1.3")))
        .compose(failed -> failure(send(vertx, Command.SIGN_IN, email, "right password", "10.0.1.4")))
        .compose(limited -> {
          test.verify(() -> {
            assertEquals(429, limited.status());
            assertEquals("Too many failed sign-in attempts, try again later", limited.errors().get(0).message());
          });
          return redis.settings().client(vertx).ttl("signin-failures:account:" + email);
        })
        .onComplete(test.succeeding(ttl -> test.verify(() -> {
          assertTrue(ttl.toLong() > 0 && ttl.toLong() <= 900, "the window expires: " + ttl);
          test.completeNow();
        })));
  }

  @Test
  void aBurstOfGuessesAtOnceGetsNoMoreTriesThanTheLimit(Vertx vertx, VertxTestContext test) {
    String email = uniqueEmail();
    deployWithAccount(vertx, new SigninLimits(5, 1000, 900), email, "10.0.3.1")
        .compose(user -> Future.join(IntStream.range(0, 40)
            .mapToObj(i -> failure(send(vertx, Command.SIGN_IN, email, "guess " + i, "10.0.3." + (i % 200)))).toList()))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          long tried = all.<ApiException>list().stream().filter(refused -> refused.status() == 400).count();
          long limited = all.<ApiException>list().stream().filter(refused -> refused.status() == 429).count();
          assertEquals(5, tried, "exactly the limit was checked against the password");
          assertEquals(35, limited);
          test.completeNow();
        })));
  }

  @Test
  void aRightPasswordDoesNotUseUpTheLimit(Vertx vertx, VertxTestContext test) {
    String email = uniqueEmail();
    deployWithAccount(vertx, new SigninLimits(2, 1000, 900), email, "10.0.4.1")
        .compose(user -> send(vertx, Command.SIGN_IN, email, "right password", "10.0.4.1"))
        .compose(in -> send(vertx, Command.SIGN_IN, email, "right password", "10.0.4.1"))
        .compose(in -> send(vertx, Command.SIGN_IN, email, "right password", "10.0.4.1"))
        .compose(in -> failure(send(vertx, Command.SIGN_IN, email, "guess", "10.0.4.1")))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(400, refused.status(), "three right passwords counted nothing, so a guess is still tried");
          test.completeNow();
        })));
  }

  @Test
  void failedSignInsAreLimitedMoreLooselyPerAddress(Vertx vertx, VertxTestContext test) {
    String address = "10.9." + (System.nanoTime() % 200) + ".7";
    SigninLimits perAddressFour = new SigninLimits(100, 4, 900);
    String known = uniqueEmail();
    deployWithAccount(vertx, perAddressFour, known, "10.8.0.1")
        .compose(user -> Future.join(IntStream.range(0, 4)
            .mapToObj(i -> failure(send(vertx, Command.SIGN_IN, uniqueEmail(), "guess", address))).toList()))
        .compose(four -> failure(send(vertx, Command.SIGN_IN, known, "right password", address)))
        .compose(limited -> {
          test.verify(() -> assertEquals(429, limited.status()));
          return send(vertx, Command.SIGN_IN, known, "right password", "10.8.0.2");
        })
        .onComplete(test.succeeding(otherAddress -> test.verify(() -> {
          assertEquals(known, otherAddress.getString("email"));
          test.completeNow();
        })));
  }

  @Test
  void theCountersAreSharedByEveryAuthInstance(Vertx vertx, VertxTestContext test) {
    String email = uniqueEmail();
    SigninLimits two = new SigninLimits(2, 100, 900);
    Vertx other = Vertx.vertx();
    deploy(vertx, two)
        .compose(deployed -> other.deployVerticle(new AuthVerticle(AuthFixture.config(mongo, redis, two))))
        .compose(deployed -> send(vertx, Command.SIGN_UP, email, "right password", "10.0.2.1"))
        .compose(user -> failure(send(vertx, Command.SIGN_IN, email, "guess 1", "10.0.2.1")))
        .compose(failed -> failure(send(vertx, Command.SIGN_IN, email, "guess 2", "10.0.2.1")))
        .compose(failed -> failure(send(other, Command.SIGN_IN, email, "right password", "10.0.2.1")))
        .eventually(() -> other.close())
        .onComplete(test.succeeding(limitedElsewhere -> test.verify(() -> {
          assertEquals(429, limitedElsewhere.status());
          test.completeNow();
        })));
  }
}
