package dev.ticketing.auth.store;

import dev.ticketing.auth.domain.User;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.platform.mongo.Ids;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;

/** The only code that touches the auth database: collection {@value #USERS}. */
public final class UserStore {

  static final String USERS = "users";

  private final MongoClient mongo;

  public UserStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The unique index is what keeps emails unique, also when two sign-ups race. */
  public Future<Void> createIndexes() {
    return Mongo.uniqueIndex(mongo, USERS, new JsonObject().put("email", 1), "email_unique");
  }

  public Future<User> insert(String email, String passwordHash) {
    String id = Ids.newId();
    JsonObject document = new JsonObject()
        .put("_id", id)
        .put("email", email)
        .put("passwordHash", passwordHash)
        .put("createdAt", Instant.now().toString());
    return mongo.insert(USERS, document)
        .map(inserted -> new User(id, email, passwordHash))
        .recover(failure -> Future.failedFuture(Mongo.isDuplicateKey(failure) ? new BadRequest("Email in use") : failure));
  }

  /** The user with this (normalised) email, or null. */
  public Future<User> findByEmail(String email) {
    return mongo.findOne(USERS, new JsonObject().put("email", email), null)
        .map(document -> document == null ? null
            : new User(document.getString("_id"), document.getString("email"), document.getString("passwordHash")));
  }
}
