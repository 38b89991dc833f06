package dev.seer.spark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A log-log SVG line chart of stage seconds against interactions. */
final class Plot {
  private static final String[] COLOURS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"
  };

  private Plot() {}

  @SuppressWarnings("unchecked")
  static String svg(List<Object> unsorted) {
    // by size, so that each stage's line runs left to right
    List<Object> runs = new ArrayList<>(unsorted);
    runs.sort(Plot::bySize);
    int w = 720;
    int h = 440;
    int left = 70;
    int right = 250;
    int top = 40;
    int bottom = 60;
    List<String> stages = new ArrayList<>();
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (Object o : runs) {
      Map<String, Object> r = (Map<String, Object>) o;
      double x = ((Number) r.get("interactions")).doubleValue();
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      for (Map.Entry<String, Object> e : ((Map<String, Object>) r.get("stages")).entrySet()) {
        if (!stages.contains(e.getKey())) {
          stages.add(e.getKey());
        }
        double y = ((Number) ((Map<String, Object>) e.getValue()).get("seconds")).doubleValue();
        minY = Math.min(minY, Math.max(0.1, y));
        maxY = Math.max(maxY, y);
      }
    }
    double lx0 = Math.floor(Math.log10(minX));
    double lx1 = Math.ceil(Math.log10(maxX));
    double ly0 = Math.floor(Math.log10(minY));
    double ly1 = Math.ceil(Math.log10(maxY));
    if (lx1 == lx0) {
      lx1++;
    }
    if (ly1 == ly0) {
      ly1++;
    }
    int pw = w - left - right;
    int ph = h - top - bottom;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            w,
            h));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"22\" font-size=\"15\">seer-spark on local[2]: seconds per stage by size (log-log)</text>%n",
            left));
    for (double e = lx0; e <= lx1; e++) {
      double px = left + (e - lx0) / (lx1 - lx0) * pw;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
              px,
              top,
              px,
              top + ph));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1e%d</text>%n",
              px,
              top + ph + 18,
              (int) e));
    }
    for (double e = ly0; e <= ly1; e++) {
      double py = top + ph - (e - ly0) / (ly1 - ly0) * ph;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              left,
              py,
              left + pw,
              py));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s s</text>%n",
              left - 6,
              py + 4,
              fmt(Math.pow(10, e))));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">interactions</text>%n",
            left + pw / 2,
            h - 15));
    b.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>%n",
            left,
            top,
            pw,
            ph));
    for (int s = 0; s < stages.size(); s++) {
      String c = COLOURS[s % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      for (Object o : runs) {
        Map<String, Object> r = (Map<String, Object>) o;
        Object st = ((Map<String, Object>) r.get("stages")).get(stages.get(s));
        if (st == null) {
          continue;
        }
        double x = ((Number) r.get("interactions")).doubleValue();
        double y =
            Math.max(0.1, ((Number) ((Map<String, Object>) st).get("seconds")).doubleValue());
        double px = left + (Math.log10(x) - lx0) / (lx1 - lx0) * pw;
        double py = top + ph - (Math.log10(y) - ly0) / (ly1 - ly0) * ph;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        b.append(
            String.format(
                Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, c));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              pts.toString().trim(),
              c));
      int ly = top + 10 + s * 20;
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              left + pw + 12,
              ly,
              left + pw + 32,
              ly,
              c));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\">%s</text>%n",
              left + pw + 38,
              ly + 4,
              stages.get(s)));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static String fmt(double v) {
    return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** Orders runs by their {@code interactions}. */
  static int bySize(Object a, Object b) {
    return Long.compare(
        ((Number) ((Map<?, ?>) a).get("interactions")).longValue(),
        ((Number) ((Map<?, ?>) b).get("interactions")).longValue());
  }
}
