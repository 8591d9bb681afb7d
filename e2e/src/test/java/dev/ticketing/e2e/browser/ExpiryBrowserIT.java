package dev.ticketing.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.ticketing.e2e.browser.Pages.button;
import static dev.ticketing.e2e.browser.Pages.heading;
import static dev.ticketing.e2e.browser.Visitor.DESKTOP;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.ticketing.e2e.support.LocalSystem;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An unpaid order in the browser with a 6-second hold: the countdown runs out, paying stops, the
 * page shows the order expired and the ticket available again, and the ticket can be bought anew.
 * A system of its own, because the hold window is a start-up setting.
 */
class ExpiryBrowserIT {

  private static final int HOLD_SECONDS = 6;
  @RegisterExtension
  static final Chromium chromium = new Chromium();
  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("expiry-browser", LocalSystem.EVERY_SERVICE,
      Map.of("ORDER_EXPIRATION_SECONDS", String.valueOf(HOLD_SECONDS)));

  @Test
  void theCountdownRunsOutAndTheTicketIsReleased() {
    Journey journey = new Journey("3-expired-order");
    try (Visitor seller = new Visitor(chromium.browser(), journey, "seller", system.baseUrl(), DESKTOP);
         Visitor buyer = new Visitor(chromium.browser(), journey, "buyer", system.baseUrl(), DESKTOP)) {
      seller.signUpThroughApi();
      String ticketId = seller.sellThroughApi("Matinee", "9.5");
      buyer.signUpThroughApi();

      Page page = buyer.page();
      page.navigate("/tickets/" + ticketId);
      button(page, "Purchase").click();
      Locator countdown = page.getByTestId("countdown");
      assertThat(countdown).containsText("Time left to pay");
      assertThat(countdown).containsText("0:0"); // under ten seconds left
      buyer.screenshot("counting-down");

      // The hold is 6 s, expiry travels through Redis and two events: allow for a slow machine.
      LocatorAssertions.ContainsTextOptions expiry = new LocatorAssertions.ContainsTextOptions().setTimeout(HOLD_SECONDS * 1000 + 30_000);
      assertThat(page.getByTestId("payment-outcome")).containsText("This order expired", expiry);
      assertThat(page.getByTestId("order-status")).containsText("Cancelled");
      assertThat(button(page, "Pay $9.50")).isHidden();
      assertThat(countdown).isHidden();
      assertThat(page.getByTestId("ticket-release")).containsText("available again", expiry);
      buyer.screenshot("expired");

      page.getByTestId("ticket-release").getByRole(AriaRole.LINK).click();
      assertThat(heading(page, "Matinee")).isVisible();
      assertThat(page.locator(".badge")).hasText("Available");
      assertThat(button(page, "Purchase")).isEnabled();
      buyer.screenshot("ticket-available-again");

      buyer.assertNoProblems();
    }
  }
}
