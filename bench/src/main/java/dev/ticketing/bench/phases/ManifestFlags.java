package dev.ticketing.bench.phases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The {@code --add-opens}/{@code --add-exports} flags a jar's manifest declares: {@code java -jar}
 * honours the manifest itself, a JVM started with {@code -cp} and another main class does not.
 */
final class ManifestFlags {

  private ManifestFlags() {
  }

  static List<String> of(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      List<String> flags = new ArrayList<>();
      add(flags, "--add-opens", main.getValue("Add-Opens"));
      add(flags, "--add-exports", main.getValue("Add-Exports"));
      return flags;
    }
  }

  private static void add(List<String> flags, String flag, String packages) {
    if (packages != null) {
      for (String modulePackage : packages.trim().split("\\s+")) {
        flags.add(flag);
        flags.add(modulePackage + "=ALL-UNNAMED");
      }
    }
  }
}
