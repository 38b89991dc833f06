package dev.seer.cli;

import dev.seer.api.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The options a search tries, parsed from {@code name=v1,v2;name=lo..hi[:log]}: a list of values,
 * or a range (integers when both ends are integers) sampled uniformly, or log-uniformly with {@code
 * :log}. Grids take the cartesian product of lists (ranges are not allowed there); random search
 * draws each option independently, from a generator seeded by the given seed.
 */
final class SearchSpace {
  /** One searched option. */
  record Param(
      String name, List<String> values, double lo, double hi, boolean integer, boolean log) {
    boolean isRange() {
      return values == null;
    }
  }

  private final List<Param> params;

  private SearchSpace(List<Param> params) {
    this.params = List.copyOf(params);
  }

  List<String> names() {
    List<String> n = new ArrayList<>();
    for (Param p : params) {
      n.add(p.name());
    }
    return n;
  }

  /**
   * Parses a search space.
   *
   * @param spec for example {@code factors=32,64;regularization=0.001..0.1:log}
   * @return the space
   * @throws InputException naming the malformed part
   */
  static SearchSpace parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InputException(
          "--grid is empty; give options and values such as 'factors=32,64;regularization=0.01,0.1'.");
    }
    List<Param> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (String part : spec.split(";", -1)) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? "" : part.substring(0, eq).trim();
      String value = eq < 0 ? "" : part.substring(eq + 1).trim();
      if (name.isEmpty() || value.isEmpty()) {
        throw new InputException(
            "--grid part '"
                + part.trim()
                + "' is not name=values; write for example factors=32,64 or"
                + " regularization=0.001..0.1:log.");
      }
      if (!names.add(name)) {
        throw new InputException("--grid names option " + name + " twice; name it once.");
      }
      int dots = value.indexOf("..");
      if (dots < 0) {
        List<String> values = new ArrayList<>();
        for (String v : value.split(",", -1)) {
          if (v.isBlank()) {
            throw new InputException(
                "--grid option " + name + " has an empty value in '" + value + "'.");
          }
          values.add(v.trim());
        }
        out.add(new Param(name, values, 0, 0, false, false));
        continue;
      }
      boolean log = value.endsWith(":log");
      String range = log ? value.substring(0, value.length() - 4) : value;
      String a = range.substring(0, dots).trim();
      String b = range.substring(dots + 2).trim();
      double lo;
      double hi;
      try {
        lo = Double.parseDouble(a);
        hi = Double.parseDouble(b);
      } catch (NumberFormatException e) {
        throw new InputException(
            "--grid range '" + name + "=" + value + "' is not lo..hi with two numbers.");
      }
      if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi) || (log && lo <= 0)) {
        throw new InputException(
            "--grid range '"
                + name
                + "="
                + value
                + "' needs finite lo <= hi"
                + (log ? ", both above 0 for :log." : "."));
      }
      boolean integer = a.matches("-?\\d+") && b.matches("-?\\d+");
      out.add(new Param(name, null, lo, hi, integer, log));
    }
    return new SearchSpace(out);
  }

  /**
   * Returns every combination of the listed values, the last option varying fastest.
   *
   * @return the trials
   * @throws InputException if an option is a range
   */
  List<Map<String, String>> grid() {
    List<Map<String, String>> trials = new ArrayList<>();
    trials.add(new LinkedHashMap<>());
    for (Param p : params) {
      if (p.isRange()) {
        throw new InputException(
            "--grid option "
                + p.name()
                + " is a range, which a grid cannot enumerate; list values (a,b,c) or add"
                + " --random N to sample ranges.");
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> t : trials) {
        for (String v : p.values()) {
          Map<String, String> m = new LinkedHashMap<>(t);
          m.put(p.name(), v);
          next.add(m);
        }
      }
      trials = next;
    }
    return trials;
  }

  /**
   * Draws {@code n} distinct trials (fewer when the space has fewer combinations: at most {@code 50
   * n} draws are made).
   *
   * @param n the number of trials
   * @param seed the seed
   * @return the trials
   */
  List<Map<String, String>> random(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Set<Map<String, String>> seen = new LinkedHashSet<>();
    for (int draws = 0; seen.size() < n && draws < 50L * n; draws++) {
      Map<String, String> m = new LinkedHashMap<>();
      for (Param p : params) {
        m.put(p.name(), draw(p, rnd));
      }
      seen.add(m);
    }
    return new ArrayList<>(seen);
  }

  static String draw(Param p, SplittableRandom rnd) {
    if (!p.isRange()) {
      return p.values().get(rnd.nextInt(p.values().size()));
    }
    double u = rnd.nextDouble();
    if (p.integer()) {
      long lo = (long) p.lo();
      long hi = (long) p.hi();
      if (p.log()) {
        double x = Math.exp(Math.log(lo) + u * (Math.log(hi + 1.0) - Math.log(lo)));
        return Long.toString(Math.min(hi, (long) Math.floor(x)));
      }
      return Long.toString(lo + (long) Math.floor(u * (hi - lo + 1)));
    }
    double x =
        p.log()
            ? Math.exp(Math.log(p.lo()) + u * (Math.log(p.hi()) - Math.log(p.lo())))
            : p.lo() + u * (p.hi() - p.lo());
    return String.format(Locale.ROOT, "%.4g", x).trim();
  }
}
