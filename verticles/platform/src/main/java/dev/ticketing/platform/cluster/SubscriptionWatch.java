package dev.ticketing.platform.cluster;

import dev.ticketing.platform.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.RegistrationInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, every few seconds, that the cluster still routes to each of this JVM's consumers, and
 * repairs it when it does not.
 *
 * <p>Why: after a network partition heals, Hazelcast merges the two halves back into one cluster,
 * and Vert.x has an open report (eclipse-vertx/vert.x#4394) of event-bus registrations lost in
 * that merge: the JVM is a member again, its consumers still run, but no message reaches them.
 * Nothing fails loudly; work just stops arriving. So each JVM asks the cluster's registry (the
 * same one every sender consults to pick a consumer) whether it still lists this JVM for every
 * address it consumes. An address without us is logged and counted
 * ({@code ticketing_cluster_subscriptions_lost_total}), and its consumer is registered again,
 * which tells every member afresh. If an address is still missing after {@value #RENEWALS_BEFORE_GIVING_UP}
 * renewals in a row, the JVM gives up ({@code giveUp}: the launcher exits, and the supervisor,
 * {@code ./ticketing up} or the container's restart policy, starts a clean one). It gives up too
 * when the registry has not answered at all for {@value #SILENT_CHECKS_BEFORE_GIVING_UP} checks in
 * a row: seen here after a merge, a member whose Hazelcast node retried its operations for ever,
 * listed by nobody and unable to list anyone.
 */
public final class SubscriptionWatch {

  static final int RENEWALS_BEFORE_GIVING_UP = 3;
  static final int SILENT_CHECKS_BEFORE_GIVING_UP = 6;
  private static final long QUESTION_TIMEOUT_MILLIS = 3000;
  private static final Logger log = LoggerFactory.getLogger(SubscriptionWatch.class);

  private final Subscriptions subscriptions;
  private final ClusterManager cluster;
  private final Runnable giveUp;
  private final Map<String, Integer> missingInARow = new HashMap<>();
  private final AtomicInteger missingNow = new AtomicInteger();
  private final Counter lost = Counter.builder("ticketing_cluster_subscriptions_lost")
      .description("Times the cluster no longer listed one of this JVM's consumers (then registered again)")
      .register(Metrics.registry());
  private final Counter checks = Counter.builder("ticketing_cluster_subscription_checks")
      .description("Checks of this JVM's consumers against the cluster's registry").register(Metrics.registry());
  private boolean checking;
  private int silentChecks;

  private SubscriptionWatch(Vertx vertx, Runnable giveUp) {
    this.subscriptions = Subscriptions.of(vertx);
    this.cluster = ((VertxInternal) vertx).clusterManager();
    this.giveUp = giveUp;
    Gauge.builder("ticketing_cluster_subscriptions_missing", missingNow, AtomicInteger::get)
        .description("Consumers of this JVM the cluster did not list at the last check").register(Metrics.registry());
    Gauge.builder("ticketing_cluster_members", cluster, manager -> manager.getNodes().size())
        .description("Members of the cluster as this JVM sees it: fewer than started means a partition").register(Metrics.registry());
  }

  /** Checks every {@code periodMillis} (0: never); nothing to do on a Vert.x that is not clustered. */
  public static void start(Vertx vertx, long periodMillis, Runnable giveUp) {
    if (periodMillis <= 0 || ((VertxInternal) vertx).clusterManager() == null) {
      return;
    }
    SubscriptionWatch watch = new SubscriptionWatch(vertx, giveUp);
    vertx.setPeriodic(periodMillis, id -> watch.check());
  }

  private void check() {
    if (checking) {
      return;
    }
    checking = true;
    List<Subscription> active = subscriptions.active();
    String self = cluster.getNodeId();
    AtomicInteger answered = new AtomicInteger();
    Future.join(active.stream().map(subscription -> listsUs(subscription.address(), self)
            .onSuccess(listed -> answered.incrementAndGet())
            .compose(listed -> listed ? present(subscription) : missing(subscription), unknown -> Future.succeededFuture(0)))
            .toList())
        .onComplete(done -> {
          checking = false;
          checks.increment();
          missingNow.set(done.result().<Integer>list().stream().mapToInt(Integer::intValue).sum());
          giveUpIfSilent(!active.isEmpty() && answered.get() == 0);
        });
  }

  private void giveUpIfSilent(boolean silent) {
    silentChecks = silent ? silentChecks + 1 : 0;
    if (silentChecks == 1) {
      log.warn("the cluster's registry did not answer this check");
    }
    if (silentChecks >= SILENT_CHECKS_BEFORE_GIVING_UP) {
      log.error("the cluster's registry has not answered for {} checks: giving up so a clean JVM takes over", silentChecks);
      giveUp.run();
    }
  }

  /** Whether the registry lists us for {@code address}; fails when the registry does not answer (mid-merge, say). */
  private Future<Boolean> listsUs(String address, String self) {
    // A promise of the timer's context: its answer comes back on the thread that keeps our state.
    Promise<List<RegistrationInfo>> registrations = ((ContextInternal) Vertx.currentContext()).promise();
    cluster.getRegistrations(address, registrations);
    return registrations.future().timeout(QUESTION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .map(list -> list.stream().anyMatch(info -> info.nodeId().equals(self) && !info.localOnly()));
  }

  private Future<Integer> present(Subscription subscription) {
    if (missingInARow.remove(subscription.address()) != null) {
      log.info("the cluster lists our consumer of {} again", subscription.address());
    }
    return Future.succeededFuture(0);
  }

  private Future<Integer> missing(Subscription subscription) {
    String address = subscription.address();
    int times = missingInARow.merge(address, 1, Integer::sum);
    lost.increment();
    if (times > RENEWALS_BEFORE_GIVING_UP) {
      log.error("the cluster still does not list our consumer of {} after {} renewals: giving up so a clean JVM takes over",
          address, RENEWALS_BEFORE_GIVING_UP);
      giveUp.run();
      return Future.succeededFuture(1);
    }
    log.warn("the cluster lost our consumer of {} (a lost subscription, as after a partition's merge): registering it again",
        address);
    return subscription.renew().map(1).otherwise(1);
  }
}
