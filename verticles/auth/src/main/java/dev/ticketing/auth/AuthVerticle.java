package dev.ticketing.auth;

import dev.ticketing.auth.commands.SignInHandler;
import dev.ticketing.auth.commands.SignUpHandler;
import dev.ticketing.auth.security.BcryptPasswordHasher;
import dev.ticketing.auth.security.PasswordHasher;
import dev.ticketing.auth.security.SigninThrottle;
import dev.ticketing.auth.store.UserStore;
import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.Service;
import dev.ticketing.platform.commands.CommandBinder;
import dev.ticketing.platform.health.Health;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Users and credentials: sign-up and sign-in. The gateway owns the session cookie built from our replies. */
public final class AuthVerticle extends VerticleBase {

  private final AuthConfig config;
  private MongoClient mongo;
  private RedisAPI redis;

  public AuthVerticle(AuthConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    mongo = Mongo.client(vertx, config.mongo());
    redis = config.redis().client(vertx);
    UserStore users = new UserStore(mongo);
    PasswordHasher hasher = new BcryptPasswordHasher(vertx, config.bcryptCost());
    SigninThrottle throttle = new SigninThrottle(redis, config.signinLimits(), config.redis().commandTimeoutMillis());

    CommandBinder commands = new CommandBinder(vertx)
        .bind(Command.SIGN_UP, new SignUpHandler(users, hasher))
        .bind(Command.SIGN_IN, new SignInHandler(users, hasher, throttle));

    Health health = new Health(vertx)
        .check("mongo", () -> Mongo.ping(mongo))
        .check("redis", () -> redis.ping(List.of()).timeout(config.redis().commandTimeoutMillis(), TimeUnit.MILLISECONDS));

    return users.createIndexes()
        .compose(indexed -> commands.completion())
        .compose(bound -> health.answerPings(Service.AUTH))
        .compose(answering -> health.serve(config.managementPort()));
  }

  @Override
  public Future<?> stop() {
    return mongo.close().onComplete(closed -> redis.close());
  }
}
