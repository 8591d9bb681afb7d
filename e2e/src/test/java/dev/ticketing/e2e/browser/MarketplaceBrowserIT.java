package dev.ticketing.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.ticketing.e2e.browser.Pages.assertFieldError;
import static dev.ticketing.e2e.browser.Pages.assertFitsWidth;
import static dev.ticketing.e2e.browser.Pages.button;
import static dev.ticketing.e2e.browser.Pages.heading;
import static dev.ticketing.e2e.browser.Pages.lastPathSegment;
import static dev.ticketing.e2e.browser.Pages.link;
import static dev.ticketing.e2e.browser.Pages.reloadUntil;
import static dev.ticketing.e2e.browser.Pages.signUpInBrowser;
import static dev.ticketing.e2e.browser.Visitor.DESKTOP;
import static dev.ticketing.e2e.browser.Visitor.PASSWORD;
import static dev.ticketing.e2e.browser.Visitor.PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.ticketing.e2e.support.LocalSystem;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web client in a real browser against the whole system (every service in its own JVM):
 * buying with a card, a declined card, form errors beside their fields, live updates between two
 * browsers, and the phone layout. Screenshots: e2e/target/screenshots/&lt;journey&gt;/.
 */
class MarketplaceBrowserIT {

  @RegisterExtension
  static final Chromium chromium = new Chromium();
  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("marketplace-browser", LocalSystem.EVERY_SERVICE, Map.of("ORDER_EXPIRATION_SECONDS", "600"));

  private static Visitor visitor(Journey journey, String who, Visitor.Viewport viewport) {
    return new Visitor(chromium.browser(), journey, who, system.baseUrl(), viewport);
  }

  private static String unique(String title) {
    return title + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aSellerListsATicketAndABuyerFindsPaysAndOwnsIt() {
    Journey journey = new Journey("1-full-journey");
    String title = unique("Symphony No. 9");
    try (Visitor seller = visitor(journey, "seller", DESKTOP); Visitor buyer = visitor(journey, "buyer", DESKTOP)) {
      Page sellerPage = seller.page();
      sellerPage.navigate("/");
      assertThat(heading(sellerPage, "Tickets for sale")).isVisible();
      seller.screenshot("landing-signed-out");
      signUpInBrowser(seller);
      seller.screenshot("signed-up");

      link(sellerPage, "Sell a ticket").click();
      sellerPage.getByLabel("Title").fill(title);
      sellerPage.getByLabel("Price").fill("20.5");
      seller.screenshot("sell-form");
      button(sellerPage, "List ticket").click();
      assertThat(heading(sellerPage, title)).isVisible();
      assertThat(sellerPage.locator(".price-large")).containsText("20.50");
      assertThat(sellerPage.getByText("This is your listing.")).isVisible();
      String ticketId = lastPathSegment(sellerPage);
      seller.screenshot("listed");

      Page buyerPage = buyer.page();
      buyerPage.navigate("/");
      signUpInBrowser(buyer);
      buyerPage.getByLabel("Search by title").fill(title);
      button(buyerPage, "Search").click();
      Locator card = buyerPage.locator("[data-ticket-id='" + ticketId + "']");
      assertThat(card).containsText(title);
      assertThat(card).containsText("20.50");
      assertThat(card).containsText("Available");
      buyer.screenshot("found-on-landing");

      card.getByRole(AriaRole.LINK).click();
      assertThat(heading(buyerPage, title)).isVisible();
      buyer.screenshot("ticket-page");
      button(buyerPage, "Purchase").click();
      assertThat(buyerPage).hasURL(Pattern.compile("/orders/[^/]+$"));
      String orderId = lastPathSegment(buyerPage);
      assertThat(buyerPage.getByTestId("countdown")).containsText("Time left to pay");
      assertThat(buyerPage.getByTestId("order-status")).containsText("Awaiting payment");
      buyer.screenshot("order-awaiting-payment");

      buyerPage.getByLabel("Visa (succeeds)").check();
      button(buyerPage, "Pay $20.50").click();
      assertThat(buyerPage.getByTestId("payment-outcome")).containsText("Your order is complete");
      assertThat(buyerPage.getByTestId("order-status")).containsText("Complete");
      assertThat(buyerPage.getByTestId("countdown")).isHidden();
      buyer.screenshot("paid");

      link(buyerPage, "My orders").click();
      Locator order = buyerPage.locator("[data-order-id='" + orderId + "']");
      assertThat(order).containsText(title);
      assertThat(order).containsText("Complete");
      buyer.screenshot("my-orders");

      // The listing learns of the sale through an event; My listings is a snapshot, so look again until it shows.
      link(sellerPage, "My listings").click();
      Locator listing = sellerPage.locator("[data-ticket-id='" + ticketId + "']");
      reloadUntil(sellerPage, listing, "Sold");
      assertThat(listing).containsText(title);
      assertThat(listing.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"))).hasCount(0);
      seller.screenshot("my-listings-sold");

      button(sellerPage, "Sign out").click();
      assertThat(link(sellerPage, "Sign in")).isVisible();
      assertThat(sellerPage.getByTestId("current-user")).hasCount(0);
      seller.screenshot("signed-out");

      seller.assertNoProblems();
      buyer.assertNoProblems();
    }
  }

  @Test
  void aDeclinedCardIsShownAndTheOrderStaysPayable() {
    Journey journey = new Journey("2-declined-card");
    String title = unique("Opera night");
    try (Visitor seller = visitor(journey, "seller", DESKTOP); Visitor buyer = visitor(journey, "buyer", DESKTOP)) {
      seller.signUpThroughApi();
      String ticketId = seller.sellThroughApi(title, "45");
      buyer.signUpThroughApi();

      Page page = buyer.page();
      page.navigate("/tickets/" + ticketId);
      button(page, "Purchase").click();
      assertThat(page.getByTestId("countdown")).containsText("Time left to pay");
      page.getByLabel("Declined card").check();
      buyer.screenshot("declined-card-chosen");
      button(page, "Pay $45.00").click();

      Locator outcome = page.getByTestId("payment-outcome");
      assertThat(outcome).containsText("Payment failed");
      assertThat(outcome).containsText("declined");
      assertThat(page.getByTestId("order-status")).containsText("Awaiting payment");
      assertThat(button(page, "Pay $45.00")).isEnabled();
      buyer.screenshot("declined");

      page.getByLabel("Visa (succeeds)").check();
      button(page, "Pay $45.00").click();
      assertThat(outcome).containsText("Your order is complete");
      assertThat(page.getByTestId("order-status")).containsText("Complete");
      buyer.screenshot("paid-after-decline");

      seller.assertNoProblems();
      buyer.assertNoProblems();
    }
  }

  @Test
  void formErrorsAppearBesideTheirFields() {
    Journey journey = new Journey("4-form-errors");
    try (Visitor visitor = visitor(journey, "visitor", DESKTOP)) {
      Page page = visitor.page();
      page.navigate("/signup");
      page.getByLabel("Email").fill("not-an-email");
      page.getByLabel("Password").fill("short");
      button(page, "Sign up").click();
      assertFieldError(page, "Email", "email", "valid");
      assertFieldError(page, "Password", "password", "8");
      visitor.screenshot("sign-up-errors");

      page.getByLabel("Email").fill(visitor.email());
      page.getByLabel("Password").fill(PASSWORD);
      button(page, "Sign up").click();
      assertThat(page.getByTestId("current-user")).hasText(visitor.email());

      link(page, "Sell a ticket").click();
      page.getByLabel("Price").fill("0");
      button(page, "List ticket").click();
      assertFieldError(page, "Title", "title", "Title");
      assertFieldError(page, "Price", "price", "Price");
      assertThat(page).hasURL(Pattern.compile("/tickets/new$"));
      visitor.screenshot("sell-errors");

      // A malformed price bound on the landing page is named beside its field too.
      page.navigate("/");
      page.getByLabel("Min price").fill("cheap");
      button(page, "Search").click();
      assertFieldError(page, "Min price", "minPrice", "amount");
      visitor.screenshot("filter-error");

      visitor.assertNoProblems();
    }
  }

  @Test
  void aReservationElsewhereAndANewListingShowWithoutAReload() {
    Journey journey = new Journey("5-live-updates");
    String title = unique("Jazz brunch");
    try (Visitor watcher = visitor(journey, "watcher", DESKTOP);
         Visitor seller = visitor(journey, "seller", DESKTOP);
         Visitor buyer = visitor(journey, "buyer", DESKTOP)) {
      seller.signUpThroughApi();
      String ticketId = seller.sellThroughApi(title, "12.75");
      buyer.signUpThroughApi();

      Page page = watcher.page();
      page.navigate("/");
      Locator card = page.locator("[data-ticket-id='" + ticketId + "']");
      assertThat(card).containsText("Available");
      page.evaluate("() => { window.sameDocument = true; }"); // gone if the page reloads
      watcher.screenshot("landing");

      Page buyerPage = buyer.page();
      buyerPage.navigate("/tickets/" + ticketId);
      button(buyerPage, "Purchase").click();
      assertThat(buyerPage.getByTestId("countdown")).containsText("Time left to pay");
      buyer.screenshot("reserved");

      assertThat(card).hasAttribute("data-state", "reserved");
      assertThat(card).containsText("Reserved");
      watcher.screenshot("sees-reserved");

      String newTitle = unique("Late show");
      String newId = seller.sellThroughApi(newTitle, "30");
      Locator first = page.locator("[data-testid=ticket-list] > li").first();
      assertThat(first).hasAttribute("data-ticket-id", newId);
      assertThat(first).containsText(newTitle);
      watcher.screenshot("sees-new-listing");

      button(buyerPage, "Cancel order").click();
      assertThat(buyerPage.getByTestId("payment-outcome")).containsText("This order was cancelled");
      assertThat(buyerPage.getByTestId("ticket-release")).containsText("available again");
      assertThat(card).hasAttribute("data-state", "available");
      assertThat(card).containsText("Available");
      watcher.screenshot("sees-released");

      assertEquals(true, page.evaluate("() => window.sameDocument === true"), "the landing page was not reloaded");
      watcher.assertNoProblems();
      buyer.assertNoProblems();
    }
  }

  @Test
  void aSellerEditsAListingButNotWhileItIsReserved() {
    Journey journey = new Journey("6-edit-listing");
    String title = unique("Chamber music");
    String newTitle = unique("Chamber music, front row");
    try (Visitor seller = visitor(journey, "seller", DESKTOP); Visitor buyer = visitor(journey, "buyer", DESKTOP)) {
      seller.signUpThroughApi();
      String ticketId = seller.sellThroughApi(title, "25");
      buyer.signUpThroughApi();

      Page page = seller.page();
      page.navigate("/listings");
      Locator listing = page.locator("[data-ticket-id='" + ticketId + "']");
      assertThat(listing).containsText("Available");
      listing.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit")).click();
      assertThat(page.getByLabel("Price")).hasValue("25.00");
      page.getByLabel("Title").fill(newTitle);
      page.getByLabel("Price").fill("27.5");
      seller.screenshot("editing");
      button(page, "Save changes").click();
      assertThat(heading(page, newTitle)).isVisible();
      assertThat(page.locator(".price-large")).containsText("27.50");
      seller.screenshot("edited");

      // The seller opens the form; meanwhile a buyer reserves the ticket; saving is refused, and says why.
      page.navigate("/tickets/" + ticketId + "/edit");
      assertThat(page.getByLabel("Title")).hasValue(newTitle);
      buyer.reserveThroughApi(ticketId);
      seller.awaitReserved(ticketId);
      page.getByLabel("Price").fill("30");
      button(page, "Save changes").click();
      assertThat(page.locator("[data-form-alert]")).containsText("reserved by a buyer");
      seller.screenshot("refused-while-reserved");

      // Opened while reserved, the form says so before anything is typed, and cannot be sent.
      page.navigate("/tickets/" + ticketId + "/edit");
      assertThat(page.getByText("cannot be edited until")).isVisible();
      assertThat(button(page, "Save changes")).isDisabled();
      link(page, "My listings").click();
      assertThat(listing).containsText("Reserved");
      assertThat(listing).containsText("Cannot be edited while reserved");
      seller.screenshot("listings-reserved");

      seller.assertNoProblems();
    }
  }

  @Test
  void onAPhoneTheLandingAndOrderPagesFitTheScreen() {
    Journey journey = new Journey("phone");
    String title = unique("Festival pass with a rather long title that has to wrap on a phone");
    try (Visitor seller = visitor(journey, "seller", DESKTOP); Visitor buyer = visitor(journey, "phone", PHONE)) {
      seller.signUpThroughApi();
      String ticketId = seller.sellThroughApi(title, "149.99");
      buyer.signUpThroughApi();

      Page page = buyer.page();
      page.navigate("/");
      assertThat(page.locator("[data-ticket-id='" + ticketId + "']")).containsText("149.99");
      assertFitsWidth(page);
      buyer.screenshot("landing");

      page.locator("[data-ticket-id='" + ticketId + "']").getByRole(AriaRole.LINK).click();
      button(page, "Purchase").click();
      assertThat(page.getByTestId("countdown")).containsText("Time left to pay");
      assertFitsWidth(page);
      buyer.screenshot("order");

      buyer.assertNoProblems();
    }
  }
}
