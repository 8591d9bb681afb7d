package dev.ticketing.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static dev.ticketing.platform.testing.Blocking.resultOrNull;

import dev.ticketing.platform.metrics.Metrics;
import dev.ticketing.platform.testing.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.RegistrationInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer the cluster forgot (as after a partition's merge, vert.x#4394) is noticed and
 * registered again, and messages from another member reach it once more. Written as plain steps
 * ({@link dev.ticketing.platform.testing.Blocking}): the members run on their own event loops, the
 * test thread only waits for them.
 */
class SubscriptionWatchTest {

  private static final String ADDRESS = "watch.test";

  private final TestCluster cluster = new TestCluster();
  private Vertx consumerSide;
  private Vertx senderSide;

  @AfterEach
  void leave() throws Exception {
    for (Vertx member : new Vertx[] {senderSide, consumerSide}) {
      if (member != null) {
        await(member.close());
      }
    }
  }

  @Test
  void aConsumerTheClusterLostIsRegisteredAgainAndReachedOnceMore() throws Exception {
    consumerSide = await(cluster.join());
    senderSide = await(cluster.join());
    await(Subscriptions.of(consumerSide).<String>consumer(ADDRESS, message -> message.reply("here")).completion());
    assertEquals("here", await(ask()));

    forgetOurRegistration(consumerSide);
    eventually("the sender finds nobody at " + ADDRESS, Duration.ofSeconds(20), () -> noHandlers(ask()));

    AtomicInteger gaveUp = new AtomicInteger();
    double lostBefore = lostCount();
    SubscriptionWatch.start(consumerSide, 200, gaveUp::incrementAndGet);

    eventually("the sender reaches the consumer again", Duration.ofSeconds(20), () -> "here".equals(resultOrNull(ask())));
    assertTrue(lostCount() > lostBefore, "the loss is counted in ticketing_cluster_subscriptions_lost_total");
    assertEquals(0, gaveUp.get(), "a renewal that worked is no reason to give up");
  }

  /** What the merge bug leaves behind: the consumer runs, but the cluster's registry no longer lists it. */
  private static void forgetOurRegistration(Vertx member) throws Exception {
    ClusterManager manager = ((VertxInternal) member).clusterManager();
    Promise<List<RegistrationInfo>> registrations = Promise.promise();
    manager.getRegistrations(ADDRESS, registrations);
    for (RegistrationInfo info : await(registrations.future())) {
      if (info.nodeId().equals(manager.getNodeId())) {
        Promise<Void> removed = Promise.promise();
        manager.removeRegistration(ADDRESS, info, removed);
        await(removed.future());
      }
    }
  }

  private Future<String> ask() {
    return senderSide.eventBus().<String>request(ADDRESS, "ping", new DeliveryOptions().setSendTimeout(1000)).map(Message::body);
  }

  private static double lostCount() {
    var counter = Metrics.registry().find("ticketing_cluster_subscriptions_lost").counter();
    return counter == null ? 0 : counter.count();
  }

  private static boolean noHandlers(Future<String> reply) {
    try {
      await(reply);
      return false;
    } catch (Exception e) {
      return e.getCause() instanceof ReplyException failure && failure.failureType() == ReplyFailure.NO_HANDLERS;
    }
  }
}
