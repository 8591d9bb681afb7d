package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.RawHttp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web client's files and pages, outside /api: served with the page headers; a missing file is
 * a 404 in the error shape; no spelling of ".." reaches a file outside the webroot. The tests run
 * in the module folder, whose pom.xml is what a traversal would find.
 */
@ExtendWith(VertxExtension.class)
class WebAssetsTest {

  private RawHttp raw;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    raw = GatewayFixture.running(vertx).raw();
  }

  private Future<RawHttp.Response> request(String method, String target) {
    return raw.send(method + " " + target + " HTTP/1.1\nHost: localhost\nConnection: close\n\n");
  }

  @Test
  void pagesAndFilesAreServedAndMissingFilesAre404(VertxTestContext test) {
    request("GET", "/")
        .compose(root -> {
          test.verify(() -> {
            assertEquals(200, root.status());
            assertTrue(root.header("Content-Type").startsWith("text/html"));
            assertTrue(root.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
          });
          return request("GET", "/tickets/t1");
        })
        .compose(clientRoute -> {
          test.verify(() -> assertTrue(clientRoute.body().contains("<html"), clientRoute.body()));
          return request("GET", "/js/app.js");
        })
        .compose(script -> {
          test.verify(() -> assertEquals(200, script.status()));
          return request("GET", "/js/missing.js");
        })
        .onComplete(test.succeeding(missing -> test.verify(() -> {
          assertError(404, missing);
          test.completeNow();
        })));
  }

  @Test
  void noTraversalLeavesTheWebroot(VertxTestContext test) {
    List<String> attempts = List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/js/..%2f..%2fpom.xml",
        "/webroot/../pom.xml", "/..%2f..%2f..%2fpom.xml", "/js/%2e%2e/%2e%2e/%2e%2e/pom.xml", "/%5c..%5c..%5cpom.xml",
        "/js/..%5c..%5cpom.xml", "/./pom.xml", "//pom.xml");
    Future<Void> chain = Future.succeededFuture();
    for (String attempt : attempts) {
      chain = chain.compose(previous -> request("GET", attempt).map(response -> {
        test.verify(() -> {
          assertFalse(response.body().contains("<project") || response.body().contains("root:"), attempt);
          if (response.status() == 200) {
            assertTrue(response.body().contains("<html"), attempt); // the single page, never another file
          } else {
            assertError(404, response);
          }
        });
        return null;
      }));
    }
    chain.onComplete(test.succeedingThenComplete());
  }

  @Test
  void anApiPathIsNeverTheWebClients(VertxTestContext test) {
    request("FOO", "/api/nothing-here")
        .compose(unknownMethod -> {
          test.verify(() -> assertError(404, unknownMethod));
          return request("GET", "/api/nothing-here/page");
        })
        .compose(noPage -> {
          test.verify(() -> assertError(404, noPage));
          return request("POST", "/tickets/t1");
        })
        .onComplete(test.succeeding(pageWithAnotherMethod -> test.verify(() -> {
          assertError(405, pageWithAnotherMethod); // the page exists, for GET
          test.completeNow();
        })));
  }
}
