package dev.ticketing.gateway;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.gateway.auth.CrossSiteGuard;
import dev.ticketing.gateway.auth.SessionTokens;
import dev.ticketing.gateway.auth.Sessions;
import dev.ticketing.gateway.errors.FailureMapper;
import dev.ticketing.gateway.http.RequestTarget;
import dev.ticketing.gateway.http.ResponseHeaders;
import dev.ticketing.gateway.input.RequestInput;
import dev.ticketing.gateway.live.LiveTickets;
import dev.ticketing.gateway.routes.ApiRoutes;
import dev.ticketing.gateway.routes.ServiceClient;
import dev.ticketing.gateway.web.WebAssets;
import dev.ticketing.platform.health.Health;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only public HTTP server. Requests are routed and validated from the OpenAPI document in
 * contracts/, the session is verified here, and commands go to the services over the event bus.
 * It also serves the web client and streams ticket changes to browsers.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(GatewayVerticle.class);
  private static final String OPENAPI = "api/openapi.json";
  private static final long PING_TIMEOUT_MILLIS = 1500;

  private final GatewayConfig config;
  private HttpServer server;

  public GatewayVerticle(GatewayConfig config) {
    this.config = config;
  }

  /** The port actually listened on (useful with port 0). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    Sessions sessions = new Sessions(new SessionTokens(vertx, config.jwtKey(), config.sessionTtlSeconds()), config.secureCookie());
    ServiceClient services = new ServiceClient(vertx, config.serviceTimeoutMillis(), config.trustedProxyHops());
    FailureMapper failures = new FailureMapper(config.bodyLimitBytes());
    LiveTickets live = new LiveTickets(vertx, config.maxLiveConnections());
    Health health = systemReadiness();

    return Future.all(OpenAPIContract.from(vertx, OPENAPI), vertx.fileSystem().readFile(OPENAPI)).compose(loaded -> {
      OpenAPIContract contract = loaded.resultAt(0);
      Buffer document = loaded.resultAt(1);
      RouterBuilder api = RouterBuilder.create(vertx, contract)
          .rootHandler(new ResponseHeaders())
          .rootHandler(new RequestTarget())
          .rootHandler(new CrossSiteGuard(config.allowedOrigins(), config.trustedProxyHops()))
          .rootHandler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes()))
          .rootHandler(sessions.reader());
      new ApiRoutes(services, sessions, new RequestInput(contract), config).mount(api);

      Router router = api.createRouter();
      health.mount(router);
      router.get("/api/openapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(document));
      router.get("/api/live/tickets").handler(live.stream());
      WebAssets.mount(router);
      router.route().failureHandler(failures);
      for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
        router.errorHandler(status, failures.forStatus(status));
      }
      return live.start()
          .compose(feeding -> vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
              .requestHandler(router)
              .invalidRequestHandler(failures::invalidRequest)
              // We serve no WebSockets. Having a handshake handler at all is what makes Vert.x hand a
              // request in an unknown HTTP version to the router (which answers 400 in our shape)
              // instead of answering a bare 501 itself.
              .webSocketHandshakeHandler(handshake -> handshake.reject(404))
              .listen(config.port(), config.host()))
          .onSuccess(listening -> server = listening)
          .compose(listening -> health.serve(config.managementPort()));
    }).onSuccess(management -> log.info("Gateway listening on http://{}:{} (management port {})",
        config.host(), server.actualPort(), management.actualPort()));
  }

  /** Ready when every service answers its ping, i.e. every service is itself ready. */
  private Health systemReadiness() {
    Health health = new Health(vertx);
    DeliveryOptions ping = new DeliveryOptions().setSendTimeout(PING_TIMEOUT_MILLIS);
    for (Service service : Service.values()) {
      health.check(service.serviceName(), () -> vertx.eventBus().request(service.pingAddress(), "ping", ping));
    }
    return health;
  }
}
