package dev.ticketing.e2e.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium for a test class: Debian's package, driven by Playwright for Java (whose
 * own browser download is skipped; CI installs {@code chromium}). Each person in a journey gets
 * their own context ({@link Visitor}): separate cookies, as two real browsers would have.
 */
final class Chromium implements AutoCloseable {

  static final Path EXECUTABLE = Path.of("/usr/lib/chromium/chromium");
  /** Eventual changes (events between services) take milliseconds; a busy 2-core CI box needs headroom. */
  static final double TIMEOUT_MS = 20_000;
  private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static Chromium launch() {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException(EXECUTABLE + " is missing: the browser tests need Debian's Chromium "
          + "(apt-get install -y chromium chromium-driver)");
    }
    PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
      return new Chromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
