package dev.seer.spark;

import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options of one job, checked against the names it accepts. */
final class Args {
  private final String job;
  private final Map<String, String> values;

  private Args(String job, Map<String, String> values) {
    this.job = job;
    this.values = values;
  }

  static Args parse(String job, String[] args, int from, Set<String> allowed) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = from; k < args.length; k++) {
      String a = args[k];
      if (!a.startsWith("--")) {
        throw new InputException(
            "Unexpected argument '" + a + "' for " + job + "; options look like --name value.");
      }
      String name = a.substring(2);
      if (!allowed.contains(name)) {
        throw new InputException(
            "Unknown option --" + name + " for " + job + "; known options: " + allowed + ".");
      }
      if (k + 1 >= args.length) {
        throw new InputException("Option --" + name + " of " + job + " needs a value.");
      }
      m.put(name, args[++k]);
    }
    return new Args(job, m);
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new InputException(job + " needs --" + name + ".");
    }
    return v;
  }

  String get(String name, String def) {
    return values.getOrDefault(name, def);
  }

  int getInt(String name, int def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new InputException("--" + name + " of " + job + " is '" + v + "', not a whole number.");
    }
  }

  long getLong(String name, long def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new InputException("--" + name + " of " + job + " is '" + v + "', not a whole number.");
    }
  }

  double getDouble(String name, double def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new InputException("--" + name + " of " + job + " is '" + v + "', not a number.");
    }
  }

  boolean getBoolean(String name, boolean def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new InputException("--" + name + " of " + job + " is '" + v + "'; use true or false.");
  }
}
