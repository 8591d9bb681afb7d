package dev.ticketing.e2e.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium for a test class: Debian's package, driven by Playwright for Java (whose
 * own browser download is skipped; CI installs {@code chromium}). Each person in a journey gets
 * their own context ({@link Visitor}): separate cookies, as two real browsers would have. A JUnit
 * extension: {@code @RegisterExtension static final Chromium chromium = new Chromium();} launches it
 * before the class's tests and closes it after them. Register it before the system, so a missing
 * browser fails in a second rather than after the whole system has started.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

  static final Path EXECUTABLE = Path.of("/usr/lib/chromium/chromium");
  /** Eventual changes (events between services) take milliseconds; a busy 2-core CI box needs headroom. */
  static final double TIMEOUT_MS = 20_000;
  private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync");

  private Playwright playwright;
  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException(EXECUTABLE + " is missing: the browser tests need Debian's Chromium "
          + "(apt-get install -y chromium chromium-driver)");
    }
    PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
  }

  Browser browser() {
    return browser;
  }

  /** Closes what was opened, also after a failed launch (JUnit calls this even then). */
  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }
}
