package dev.ticketing.platform.config;

import java.util.List;

/** Start-up configuration is wrong; the message lists every problem found, one per line. */
public final class ConfigException extends RuntimeException {

  public ConfigException(List<String> problems) {
    super("Invalid configuration:\n  - " + String.join("\n  - ", problems), null, false, false);
  }
}
