package dev.ticketing.platform.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Typed, validated reads of the merged configuration (files under conf/, then environment
 * variables, which win). Keys are written as environment variables are (HTTP_PORT), so every key
 * in conf/ can be overridden by the variable of the same name. Problems are collected rather than
 * thrown one by one: {@link #validate()} reports them all at once, so a misconfigured JVM stops at
 * start-up with one clear message instead of failing later.
 */
public final class Settings {

  private final JsonObject values;
  private final List<String> problems = new ArrayList<>();

  public Settings(JsonObject values) {
    this.values = values.copy();
  }

  public static Settings of(JsonObject values) {
    return new Settings(values);
  }

  public JsonObject raw() {
    return values.copy();
  }

  public Optional<String> optional(String key) {
    Object value = values.getValue(key);
    if (value == null) {
      return Optional.empty();
    }
    String text = String.valueOf(value).trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** The first of the keys that is set, for per-service overrides of a shared value. */
  public Optional<String> firstOf(String... keys) {
    return Arrays.stream(keys).map(this::optional).flatMap(Optional::stream).findFirst();
  }

  public String string(String key, String fallback) {
    return optional(key).orElse(fallback);
  }

  public String required(String key, String why) {
    Optional<String> value = optional(key);
    if (value.isEmpty()) {
      problems.add(key + " is required: " + why);
      return "";
    }
    return value.get();
  }

  public int integer(String key, int fallback, int min, int max) {
    return longValue(key, fallback, min, max, "an integer").intValue();
  }

  public long longInteger(String key, long fallback, long min, long max) {
    return longValue(key, fallback, min, max, "an integer");
  }

  public boolean bool(String key, boolean fallback) {
    Optional<String> value = optional(key);
    if (value.isEmpty()) {
      return fallback;
    }
    return switch (value.get().toLowerCase()) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> {
        problems.add(key + " must be true or false, got '" + value.get() + "'");
        yield fallback;
      }
    };
  }

  public List<String> list(String key, String fallback) {
    return Arrays.stream(string(key, fallback).split(","))
        .map(String::trim)
        .filter(item -> !item.isEmpty())
        .toList();
  }

  /** Records a problem found by a check the caller makes itself. */
  public void problem(String message) {
    problems.add(message);
  }

  /** Throws one exception naming every problem found so far. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private Long longValue(String key, long fallback, long min, long max, String what) {
    Optional<String> value = optional(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed < min || parsed > max) {
        problems.add(key + " must be between " + min + " and " + max + ", got " + parsed);
        return fallback;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problems.add(key + " must be " + what + ", got '" + value.get() + "'");
      return fallback;
    }
  }
}
