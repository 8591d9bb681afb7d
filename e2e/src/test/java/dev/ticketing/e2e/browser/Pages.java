package dev.ticketing.e2e.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.ticketing.e2e.browser.Visitor.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;

/** What the journeys do and check on a page, by what a person sees: roles, labels and names. */
final class Pages {

  private Pages() {
  }

  static void signUpInBrowser(Visitor visitor) {
    Page page = visitor.page();
    link(page, "Sign up").click();
    assertThat(heading(page, "Create an account")).isVisible();
    page.getByLabel("Email").fill(visitor.email());
    page.getByLabel("Password").fill(PASSWORD);
    button(page, "Sign up").click();
    assertThat(page.getByTestId("current-user")).hasText(visitor.email());
  }

  /** The field's error is shown, tied to its input (aria-describedby, aria-invalid), and says something about it. */
  static void assertFieldError(Page page, String label, String field, String mentions) {
    Locator error = page.locator("[data-error-for='" + field + "']");
    assertThat(error).isVisible();
    assertThat(error).containsText(mentions);
    Locator input = page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    assertThat(input).hasAttribute("aria-invalid", "true");
    String describedBy = input.getAttribute("aria-describedby");
    assertTrue(describedBy != null && List.of(describedBy.split(" ")).contains(error.getAttribute("id")),
        label + "'s error is not tied to its input");
  }

  /** Nothing sticks out sideways: a phone never needs horizontal scrolling. */
  static void assertFitsWidth(Page page) {
    assertEquals(true, page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
        "the page is wider than the screen");
  }

  /** Reloads until the locator shows the text: for pages that are a snapshot of something eventual. */
  static void reloadUntil(Page page, Locator locator, String text) {
    long deadline = System.nanoTime() + (long) Chromium.TIMEOUT_MS * 1_000_000;
    while (true) {
      try {
        assertThat(locator).containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(1000));
        return;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        page.reload();
      }
    }
  }

  static Locator heading(Page page, String name) {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
  }

  static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  static String lastPathSegment(Page page) {
    String url = page.url();
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
