package dev.ticketing.e2e.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A named journey's screenshots, numbered in the order taken across everyone in it, for a person
 * to look through: {@code e2e/target/screenshots/<journey>/NN-<who>-<step>.png}.
 */
final class Journey {

  private final Path folder;
  private int step;

  Journey(String name) {
    folder = Path.of(System.getProperty("ticketing.root", "..")).toAbsolutePath().normalize()
        .resolve("e2e/target/screenshots").resolve(name);
    try {
      if (Files.exists(folder)) {
        try (Stream<Path> old = Files.walk(folder)) {
          old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void screenshot(Page page, String who, String stepName) {
    String file = String.format("%02d-%s-%s.png", ++step, who, stepName);
    page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(file)).setFullPage(true));
  }
}
