package dev.ticketing.e2e.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One person with their own browser context (cookies) and page. It records every problem the page
 * shows (script errors, console errors, failed requests for the page's own files, server errors)
 * so a journey can assert that none happened. API answers of 4xx are part of the protocol (a field
 * error, a declined card, "not known yet" while an event travels): Chromium logs them to the console
 * as "Failed to load resource", and those alone are not problems.
 *
 * <p>Set-up that is not the subject of a journey (another user listing a ticket, say) goes through
 * the same context's API client, which shares the browser's cookies.
 */
final class Visitor implements AutoCloseable {

  static final String PASSWORD = "a long password";
  static final Viewport DESKTOP = new Viewport(1280, 800, false);
  static final Viewport PHONE = new Viewport(390, 844, true);

  record Viewport(int width, int height, boolean mobile) {
  }

  private final String who;
  private final String baseUrl;
  private final Journey journey;
  private final BrowserContext context;
  private final Page page;
  private final String email = "visitor-" + UUID.randomUUID() + "@example.com";
  private final List<String> problems = new ArrayList<>();

  Visitor(Browser browser, Journey journey, String who, String baseUrl, Viewport viewport) {
    this.who = who;
    this.baseUrl = baseUrl;
    this.journey = journey;
    Browser.NewContextOptions options = new Browser.NewContextOptions()
        .setBaseURL(baseUrl)
        .setViewportSize(viewport.width(), viewport.height());
    if (viewport.mobile()) {
      options.setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
    }
    context = browser.newContext(options);
    context.setDefaultTimeout(Chromium.TIMEOUT_MS);
    page = context.newPage();
    page.onPageError(error -> problems.add("page error: " + error));
    page.onConsoleMessage(message -> {
      boolean apiAnswer = message.text().startsWith("Failed to load resource") && message.location().contains("/api/");
      if ("error".equals(message.type()) && !apiAnswer) {
        problems.add("console error: " + message.text() + " at " + message.location());
      }
    });
    page.onResponse(response -> {
      boolean api = response.url().contains("/api/");
      if (response.status() >= 500 || (!api && response.status() >= 400)) {
        problems.add(response.status() + " for " + response.url());
      }
    });
    page.onRequestFailed(request -> {
      // The live stream is cut when a page or context closes: that is not a failure of the page.
      if (!request.url().contains("/api/live/")) {
        problems.add("request failed: " + request.url() + " " + request.failure());
      }
    });
  }

  Page page() {
    return page;
  }

  String email() {
    return email;
  }

  void screenshot(String step) {
    journey.screenshot(page, who, step);
  }

  void assertNoProblems() {
    assertEquals(List.of(), problems, who + "'s page showed problems");
  }

  // ---- set-up through the API, sharing this browser context's cookies

  void signUpThroughApi() {
    expect(201, context.request().post(baseUrl + "/api/users/signup", json(Map.of("email", email, "password", PASSWORD))));
  }

  /** Lists a ticket; returns its id. */
  String sellThroughApi(String title, String price) {
    return expect(201, context.request().post(baseUrl + "/api/tickets", json(Map.of("title", title, "price", price)))).getString("id");
  }

  /** Reserves a ticket, retrying while the orders service has not heard of it yet (404); returns the order id. */
  String reserveThroughApi(String ticketId) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      APIResponse response = context.request().post(baseUrl + "/api/orders", json(Map.of("ticketId", ticketId)));
      if (response.status() != 404 || System.nanoTime() > deadline) {
        return expect(201, response).getString("id");
      }
      page.waitForTimeout(100); // another process is catching up: nothing on the page to wait for
    }
  }

  /** Waits until the ticket, as the tickets service shows it, is held by an order (reservation travels by event). */
  void awaitReserved(String ticketId) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (new JsonObject(context.request().get(baseUrl + "/api/tickets/" + ticketId).text()).getString("orderId") == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("ticket " + ticketId + " was not reserved in time");
      }
      page.waitForTimeout(100);
    }
  }

  private static RequestOptions json(Map<String, Object> body) {
    return RequestOptions.create().setHeader("Content-Type", "application/json").setData(new JsonObject(body).encode());
  }

  private static JsonObject expect(int status, APIResponse response) {
    assertEquals(status, response.status(), response.url() + " answered " + response.text());
    return new JsonObject(response.text());
  }

  @Override
  public void close() {
    context.close();
  }
}
