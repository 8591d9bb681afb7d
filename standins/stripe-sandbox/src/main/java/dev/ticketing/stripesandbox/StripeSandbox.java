package dev.ticketing.stripesandbox;

import dev.ticketing.stripesandbox.cards.PaymentMethods;
import dev.ticketing.stripesandbox.cards.TestCardCatalogue;
import dev.ticketing.stripesandbox.events.EventLog;
import dev.ticketing.stripesandbox.events.EventService;
import dev.ticketing.stripesandbox.events.WebhookOutbox;
import dev.ticketing.stripesandbox.http.Responder;
import dev.ticketing.stripesandbox.http.SandboxRoutes;
import dev.ticketing.stripesandbox.idempotency.IdempotencyStore;
import dev.ticketing.stripesandbox.intents.PaymentIntentService;
import dev.ticketing.stripesandbox.intents.PaymentIntentStore;
import dev.ticketing.stripesandbox.refunds.RefundService;
import dev.ticketing.stripesandbox.webhooks.DeliveryPolicy;
import dev.ticketing.stripesandbox.webhooks.WebhookDispatcher;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Stripe-compatible HTTP server for local runs and tests, never production: it accepts any test
 * key, simulates Stripe's test cards and keeps everything in memory (a restart forgets all intents,
 * refunds, events and idempotency keys). With a webhook endpoint configured it sends signed events
 * to it, as Stripe does.
 *
 * <p>Deploy exactly one instance per sandbox: all its state is confined to this verticle's event
 * loop, which is what makes it safe without locks. In-process use:
 * <pre>{@code
 * StripeSandbox sandbox = new StripeSandbox(SandboxSettings.ephemeral());
 * vertx.deployVerticle(sandbox).await();
 * StripeClient stripe = StripeClient.builder().setApiKey("sk_test_x").setApiBase(sandbox.baseUrl()).build();
 * }</pre>
 */
public final class StripeSandbox extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(StripeSandbox.class);
  private static final long PURGE_EVERY_MS = Duration.ofHours(1).toMillis();

  private final SandboxSettings settings;
  private final Clock clock;
  private final DeliveryPolicy deliveryPolicy;
  private WebhookDispatcher webhooks; // null without a webhook endpoint
  private volatile int actualPort = -1;

  public StripeSandbox(SandboxSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /** {@code clock} gives every {@code created}; tests move it to exercise the created filters. */
  public StripeSandbox(SandboxSettings settings, Clock clock) {
    this(settings, clock, DeliveryPolicy.STRIPE_LIKE);
  }

  /** {@code deliveryPolicy} lets a test retry webhooks faster or give up sooner than Stripe would. */
  public StripeSandbox(SandboxSettings settings, Clock clock, DeliveryPolicy deliveryPolicy) {
    this.settings = settings;
    this.clock = clock;
    this.deliveryPolicy = deliveryPolicy;
  }

  @Override
  public Future<?> start() {
    webhooks = settings.webhook().map(endpoint -> new WebhookDispatcher(vertx, endpoint, deliveryPolicy)).orElse(null);
    EventLog events = new EventLog(clock, webhooks == null ? WebhookOutbox.NONE : webhooks);
    PaymentIntentStore intents = new PaymentIntentStore();
    PaymentMethods paymentMethods = new PaymentMethods(new TestCardCatalogue(), clock);
    IdempotencyStore idempotency = new IdempotencyStore(clock);
    Router router = SandboxRoutes.create(vertx,
        new PaymentIntentService(intents, paymentMethods, events, clock),
        new RefundService(intents, events, clock),
        new EventService(events),
        idempotency,
        new Responder(vertx, settings.latency()));
    vertx.setPeriodic(PURGE_EVERY_MS, timer -> {
      int forgotten = idempotency.purgeExpired();
      log.debug("Forgot {} idempotency keys older than {}", forgotten, IdempotencyStore.RETENTION);
    });

    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(settings.port(), settings.host())
        .onSuccess(server -> {
          actualPort = server.actualPort();
          log.info("Stripe sandbox listening on {} (latency {} ms, webhooks {})", baseUrl(),
              settings.latency().toMillis(), settings.webhook().map(endpoint -> "to " + endpoint.url()).orElse("off"));
        });
  }

  @Override
  public Future<?> stop() {
    if (webhooks != null) {
      webhooks.close();
    }
    return Future.succeededFuture();
  }

  /** The bound port, useful with port 0; only meaningful once deployed. */
  public int actualPort() {
    if (actualPort < 0) {
      throw new IllegalStateException("The Stripe sandbox is not listening yet");
    }
    return actualPort;
  }

  /** What to give stripe-java's {@code setApiBase}. */
  public String baseUrl() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + actualPort();
  }
}
