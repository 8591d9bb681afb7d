package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.RawHttp;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
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

  private RawHttp.Response request(String method, String target) throws Exception {
    return raw.answerTo(method + " " + target + " HTTP/1.1\nHost: localhost\nConnection: close\n\n");
  }

  @Test
  void pagesAndFilesAreServedAndMissingFilesAre404() throws Exception {
    RawHttp.Response root = request("GET", "/");
    assertEquals(200, root.status());
    assertTrue(root.header("Content-Type").startsWith("text/html"));
    assertTrue(root.header("Content-Security-Policy").contains("frame-ancestors 'none'"));

    RawHttp.Response clientRoute = request("GET", "/tickets/t1");
    assertTrue(clientRoute.body().contains("<html"), clientRoute.body());

    RawHttp.Response script = request("GET", "/js/app.js");
    assertEquals(200, script.status());

    RawHttp.Response missing = request("GET", "/js/missing.js");
    assertError(404, missing);
  }

  @Test
  void noTraversalLeavesTheWebroot() throws Exception {
    List<String> attempts = List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/js/..%2f..%2fpom.xml",
        "/webroot/../pom.xml", "/..%2f..%2f..%2fpom.xml", "/js/%2e%2e/%2e%2e/%2e%2e/pom.xml", "/%5c..%5c..%5cpom.xml",
        "/js/..%5c..%5cpom.xml", "/./pom.xml", "//pom.xml");
    for (String attempt : attempts) {
      RawHttp.Response response = request("GET", attempt);

      assertFalse(response.body().contains("<project") || response.body().contains("root:"), attempt);
      if (response.status() == 200) {
        assertTrue(response.body().contains("<html"), attempt); // the single page, never another file
      } else {
        assertError(404, response);
      }
    }
  }

  @Test
  void anApiPathIsNeverTheWebClients() throws Exception {
    RawHttp.Response unknownMethod = request("FOO", "/api/nothing-here");
    assertError(404, unknownMethod);

    RawHttp.Response noPage = request("GET", "/api/nothing-here/page");
    assertError(404, noPage);

    RawHttp.Response pageWithAnotherMethod = request("POST", "/tickets/t1");
    assertError(405, pageWithAnotherMethod); // the page exists, for GET
  }
}
