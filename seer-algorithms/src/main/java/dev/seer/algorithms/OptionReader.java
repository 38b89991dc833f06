package dev.seer.algorithms;

import dev.seer.api.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an algorithm's options from text ({@code name -> value}), so that every algorithm parses
 * and reports bad options the same way. Each read removes the option; {@link #finish()} rejects
 * whatever is left as unknown. Not thread-safe; use one reader per parse.
 */
public final class OptionReader {
  private final String algorithm;
  private final Map<String, String> remaining;
  private final List<String> known = new ArrayList<>();

  /**
   * Creates a reader.
   *
   * @param algorithm the algorithm name, used in error messages
   * @param options option values as text; keys are matched exactly
   */
  public OptionReader(String algorithm, Map<String, String> options) {
    this.algorithm = algorithm;
    this.remaining = new LinkedHashMap<>(options == null ? Map.of() : options);
  }

  /**
   * Reads a text option.
   *
   * @param name option name
   * @param fallback value when the option is absent
   * @return the value, trimmed
   */
  public String text(String name, String fallback) {
    known.add(name);
    String v = remaining.remove(name);
    return v == null ? fallback : v.trim();
  }

  /**
   * Reads an integer option.
   *
   * @param name option name
   * @param fallback value when absent
   * @return the value
   * @throws InputException if the value is not an integer
   */
  public int intValue(String name, int fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "an integer");
    }
  }

  /**
   * Reads a decimal option.
   *
   * @param name option name
   * @param fallback value when absent
   * @return the value
   * @throws InputException if the value is not a finite number
   */
  public double doubleValue(String name, double fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw bad(name, v, "a finite number");
      }
      return d;
    } catch (NumberFormatException e) {
      throw bad(name, v, "a number");
    }
  }

  /**
   * Reads a boolean option ({@code true/false}, {@code yes/no}, {@code 1/0}).
   *
   * @param name option name
   * @param fallback value when absent
   * @return the value
   * @throws InputException if the value is not a boolean
   */
  public boolean booleanValue(String name, boolean fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1":
        return true;
      case "false", "no", "0":
        return false;
      default:
        throw bad(name, v, "true or false");
    }
  }

  /**
   * Reads an enum option. Matching ignores case and treats {@code -} like {@code _}, so {@code
   * adjusted-cosine} selects {@code ADJUSTED_COSINE}.
   *
   * @param name option name
   * @param type the enum class
   * @param fallback value when absent
   * @param <E> the enum type
   * @return the value
   * @throws InputException if the value names no constant
   */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    String key = v.toUpperCase(Locale.ROOT).replace('-', '_');
    List<String> choices = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(key)) {
        return e;
      }
      choices.add(display(e));
    }
    throw bad(name, v, "one of " + String.join(", ", choices));
  }

  /**
   * Rejects options that no read asked for.
   *
   * @throws InputException naming the unknown options and listing the known ones
   */
  public void finish() {
    if (!remaining.isEmpty()) {
      throw new InputException(
          "Unknown option"
              + (remaining.size() > 1 ? "s " : " ")
              + String.join(", ", new TreeMap<>(remaining).keySet())
              + " for algorithm '"
              + algorithm
              + "'; "
              + (known.isEmpty()
                  ? "it takes no options."
                  : "its options are " + String.join(", ", known) + "."));
    }
  }

  /**
   * Returns the text form of an enum constant used in option values: lower case with {@code -}.
   *
   * @param e the constant
   * @return for example {@code adjusted-cosine}
   */
  public static String display(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private InputException bad(String name, String value, String expected) {
    return new InputException(
        "Option "
            + name
            + "="
            + value
            + " for algorithm '"
            + algorithm
            + "' is not valid; it must be "
            + expected
            + ".");
  }
}
