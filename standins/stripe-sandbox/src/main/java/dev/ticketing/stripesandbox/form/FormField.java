package dev.ticketing.stripesandbox.form;

/** One decoded {@code name=value} pair of a form body, in the order it was sent. */
public record FormField(String name, String value) implements Comparable<FormField> {

  @Override
  public int compareTo(FormField other) {
    int byName = name.compareTo(other.name);
    return byName != 0 ? byName : value.compareTo(other.value);
  }
}
