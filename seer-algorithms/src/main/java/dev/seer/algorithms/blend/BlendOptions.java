package dev.seer.algorithms.blend;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.OptionReader;
import dev.seer.api.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Options of {@link BlendTrainer}.
 *
 * @param components the blended algorithms with their options, 1 to 16; an algorithm may appear
 *     more than once (each copy trains with its own seed). As text: names joined by {@code +}, each
 *     optionally followed by its options in parentheses, separated by {@code ;}, for example {@code
 *     svdpp(factors=100;epochs=60)+svdpp+bias-baseline}. Default {@value #DEFAULT_COMPONENTS}
 * @param validation share of each user's training rows held out to fit the weights, above 0 and
 *     below 1; default 0.1
 * @param ridge L2 regularisation of the weights (not of the intercept), per held-out row, 0 or
 *     more; default 0.0001
 */
public record BlendOptions(List<Component> components, double validation, double ridge) {
  /** The default components as text. */
  public static final String DEFAULT_COMPONENTS = "svdpp+svdpp+biased-mf+bias-baseline";

  /**
   * One blended algorithm.
   *
   * @param algorithm a registered algorithm name that predicts ratings
   * @param options its options as text (absent ones take their defaults)
   */
  public record Component(String algorithm, Map<String, String> options) {
    /** Copies the options. */
    public Component {
      options = Map.copyOf(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    /**
     * Returns the text form, {@code name} or {@code name(key=value;...)} with keys sorted.
     *
     * @return the text
     */
    public String text() {
      if (options.isEmpty()) {
        return algorithm;
      }
      List<String> parts = new ArrayList<>();
      new TreeMap<>(options).forEach((k, v) -> parts.add(k + "=" + v));
      return algorithm + "(" + String.join(";", parts) + ")";
    }
  }

  /** Validates the options; every component is created once to check its name and options. */
  public BlendOptions {
    if (components == null || components.isEmpty() || components.size() > 16) {
      throw new InputException(
          "components="
              + (components == null ? "none" : components.size() + " algorithms")
              + " is not valid; give 1 to 16 rating predictors such as "
              + DEFAULT_COMPONENTS
              + ".");
    }
    components = List.copyOf(components);
    for (Component c : components) {
      if (BlendTrainer.ALGORITHM.equals(c.algorithm())) {
        throw new InputException(
            "components=" + text(components) + " is not valid; a blend cannot contain a blend.");
      }
      Algorithms.create(c.algorithm(), c.options());
    }
    if (!(validation > 0 && validation < 1)) {
      throw new InputException(
          "validation=" + validation + " is not valid; give a share above 0 and below 1.");
    }
    if (!(ridge >= 0) || Double.isInfinite(ridge)) {
      throw new InputException(
          "ridge=" + ridge + " is not valid; give a finite number of 0 or more.");
    }
  }

  /**
   * Returns the defaults: {@value #DEFAULT_COMPONENTS} with their default options, weights fitted
   * on 10% of each user's training rows, ridge 0.0001.
   *
   * @return the defaults
   */
  public static BlendOptions defaults() {
    return new BlendOptions(parseComponents(DEFAULT_COMPONENTS), 0.1, 1e-4);
  }

  /**
   * Parses options from text, for example {@code components=svdpp+bias-baseline,validation=0.2}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static BlendOptions parse(Map<String, String> options) {
    BlendOptions d = defaults();
    OptionReader r = new OptionReader(BlendTrainer.ALGORITHM, options);
    String comps = r.text("components", null);
    double v = r.doubleValue("validation", d.validation());
    double ridge = r.doubleValue("ridge", d.ridge());
    r.finish();
    return new BlendOptions(comps == null ? d.components() : parseComponents(comps), v, ridge);
  }

  /**
   * Parses the text form of the components.
   *
   * @param text for example {@code svdpp(factors=100;epochs=60)+bias-baseline}
   * @return the components
   * @throws InputException if the text is malformed
   */
  public static List<Component> parseComponents(String text) {
    List<Component> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int p = 0; p <= text.length(); p++) {
      char ch = p < text.length() ? text.charAt(p) : '+';
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      }
      if (depth < 0 || depth > 1) {
        throw malformed(text);
      }
      if (ch == '+' && depth == 0) {
        out.add(component(text, text.substring(start, p).trim()));
        start = p + 1;
      }
    }
    if (depth != 0) {
      throw malformed(text);
    }
    return out;
  }

  private static Component component(String all, String part) {
    int open = part.indexOf('(');
    if (open < 0) {
      if (part.isEmpty()) {
        throw malformed(all);
      }
      return new Component(part, Map.of());
    }
    if (open == 0 || !part.endsWith(")")) {
      throw malformed(all);
    }
    Map<String, String> opts = new LinkedHashMap<>();
    String inner = part.substring(open + 1, part.length() - 1);
    if (!inner.isBlank()) {
      for (String pair : inner.split(";", -1)) {
        Algorithms.putOption(opts, pair);
      }
    }
    return new Component(part.substring(0, open).trim(), opts);
  }

  private static InputException malformed(String text) {
    return new InputException(
        "components="
            + text
            + " is malformed; join algorithm names with + and put options in parentheses with ;,"
            + " for example svdpp(factors=100;epochs=60)+bias-baseline.");
  }

  private static String text(List<Component> components) {
    List<String> parts = new ArrayList<>();
    for (Component c : components) {
      parts.add(c.text());
    }
    return String.join("+", parts);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("components", text(components));
    m.put("validation", Double.toString(validation));
    m.put("ridge", Double.toString(ridge));
    return m;
  }
}
