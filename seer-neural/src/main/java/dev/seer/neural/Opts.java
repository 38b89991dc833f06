package dev.seer.neural;

import dev.seer.api.InputException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads options given as text, with defaults, and rejects unknown names. */
final class Opts {
  private final String algorithm;
  private final Map<String, String> values;
  private final Set<String> used = new LinkedHashSet<>();

  Opts(String algorithm, Map<String, String> values) {
    this.algorithm = algorithm;
    this.values = values == null ? Map.of() : values;
  }

  private String raw(String name) {
    used.add(name);
    String v = values.get(name);
    return v == null ? null : v.trim();
  }

  String text(String name, String fallback) {
    String v = raw(name);
    return v == null ? fallback : v;
  }

  int intValue(String name, int fallback) {
    String v = raw(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "a whole number");
    }
  }

  double doubleValue(String name, double fallback) {
    String v = raw(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "a number");
    }
  }

  boolean booleanValue(String name, boolean fallback) {
    String v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw bad(name, v, "true or false");
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
    String v = raw(name);
    if (v == null) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (display(e).equals(v.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    StringBuilder known = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      known.append(known.length() == 0 ? "" : ", ").append(display(e));
    }
    throw bad(name, v, "one of " + known);
  }

  /** Rejects option names that no read asked for. */
  void finish() {
    for (String k : values.keySet()) {
      if (!used.contains(k)) {
        throw new InputException(
            "Unknown option '"
                + k
                + "' for "
                + algorithm
                + "; known options: "
                + String.join(", ", used)
                + ".");
      }
    }
  }

  static String display(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private InputException bad(String name, String v, String what) {
    return new InputException(
        "Option " + name + "='" + v + "' of " + algorithm + " is not valid; give " + what + ".");
  }
}
