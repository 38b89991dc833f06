package dev.seer.spark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes maps, lists, strings and numbers as indented JSON (benchmark results). */
final class Json {
  private Json() {}

  static void write(Path file, Object value) {
    StringBuilder b = new StringBuilder();
    append(b, value, "");
    b.append('\n');
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void append(StringBuilder b, Object v, String indent) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Map<?, ?> m) {
      b.append("{");
      String in = indent + "  ";
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(first ? "\n" : ",\n").append(in);
        first = false;
        string(b, String.valueOf(e.getKey()));
        b.append(" : ");
        append(b, e.getValue(), in);
      }
      b.append(first ? "}" : "\n" + indent + "}");
    } else if (v instanceof List<?> l) {
      b.append("[");
      boolean first = true;
      boolean scalars = l.stream().allMatch(x -> x instanceof Number);
      String in = indent + "  ";
      for (Object x : l) {
        if (scalars) {
          b.append(first ? " " : ", ");
        } else {
          b.append(first ? "\n" : ",\n").append(in);
        }
        first = false;
        append(b, x, in);
      }
      b.append(first ? "]" : scalars ? " ]" : "\n" + indent + "]");
    } else if (v instanceof Double d) {
      b.append(
          Double.isFinite(d)
              ? String.format(Locale.ROOT, "%.6g", d)
                  .replaceAll("(\\.\\d*?)0+($|e)", "$1$2")
                  .replaceAll("\\.($|e)", "$1")
              : "null");
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else {
      string(b, v.toString());
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
