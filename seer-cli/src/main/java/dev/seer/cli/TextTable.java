package dev.seer.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for terminal output. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final String[] header;

  TextTable(String... header) {
    this.header = header.clone();
  }

  TextTable add(Object... cells) {
    String[] r = new String[header.length];
    for (int i = 0; i < r.length; i++) {
      Object c = i < cells.length ? cells[i] : "";
      r[i] = c instanceof Double d ? format(d) : String.valueOf(c);
    }
    rows.add(r);
    return this;
  }

  static String format(double d) {
    if (Double.isNaN(d)) {
      return "-";
    }
    return String.format(java.util.Locale.ROOT, "%.4f", d);
  }

  @Override
  public String toString() {
    int[] w = new int[header.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = header[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, w);
    for (int i = 0; i < w.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
    }
    sb.append('\n');
    for (String[] r : rows) {
      line(sb, r, w);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] w) {
    for (int i = 0; i < w.length; i++) {
      if (i > 0) {
        sb.append("  ");
      }
      String c = cells[i];
      // first column left-aligned, numbers right-aligned
      if (i == 0) {
        sb.append(c).append(" ".repeat(w[i] - c.length()));
      } else {
        sb.append(" ".repeat(w[i] - c.length())).append(c);
      }
    }
    sb.append('\n');
  }
}
