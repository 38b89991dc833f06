package dev.seer.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seer.api.InputException;
import dev.seer.api.SeerVersion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of several algorithms evaluated on one split: {@code report.json} (every metric with
 * its confidence interval, counts, model cards, significance tests, the machine), a self-contained
 * {@code report.html} with tables and plots, and {@code per-user.tsv} with every per-user value.
 */
public final class Report {
  /** Per-user metrics compared pairwise with significance tests, at the primary cutoff. */
  static final String[] TESTED = {"NDCG", "Recall", "Precision", "MAP", "MRR", "HitRate"};

  private final String command;
  private final String dataset;
  private final String split;
  private final String splitSummary;
  private final List<EvalResult> results;
  private final int primaryCutoff;
  private final Instant createdAt;
  private final List<Comparison> comparisons;

  /**
   * A paired comparison of two algorithms on one metric.
   *
   * @param metric metric name
   * @param a first algorithm
   * @param b second algorithm
   * @param t the paired t-test of a − b
   * @param wilcoxon the Wilcoxon signed-rank test of a − b
   */
  public record Comparison(String metric, String a, String b, TestResult t, TestResult wilcoxon) {}

  /**
   * Creates a report.
   *
   * @param dataset dataset name
   * @param split split description (how it was made, with seed)
   * @param splitSummary sizes of the split's parts
   * @param results results on that split, in display order
   */
  public Report(String dataset, String split, String splitSummary, List<EvalResult> results) {
    this(dataset, split, splitSummary, results, "");
  }

  /**
   * Creates a report that records the command that produced it.
   *
   * @param dataset dataset name
   * @param split split description (how it was made, with seed)
   * @param splitSummary sizes of the split's parts
   * @param results results on that split, in display order
   * @param command the command line that produced the results, or empty
   */
  public Report(
      String dataset, String split, String splitSummary, List<EvalResult> results, String command) {
    this.command = command == null ? "" : command;
    this.dataset = dataset;
    this.split = split;
    this.splitSummary = splitSummary;
    this.results = List.copyOf(results);
    this.createdAt = Instant.now();
    this.primaryCutoff = primaryCutoff(this.results);
    this.comparisons = compare(this.results, primaryCutoff);
  }

  /**
   * Returns the cutoff shown first: 10 when measured, else the largest.
   *
   * @return K
   */
  public int primaryCutoff() {
    return primaryCutoff;
  }

  /**
   * Returns the pairwise significance tests at the primary cutoff.
   *
   * @return comparisons
   */
  public List<Comparison> comparisons() {
    return comparisons;
  }

  private static int primaryCutoff(List<EvalResult> results) {
    int best = -1;
    if (!results.isEmpty()) {
      for (String m : results.get(0).perUserMetrics()) {
        if (m.startsWith("NDCG@")) {
          int k = Integer.parseInt(m.substring(5));
          if (k == 10) {
            return 10;
          }
          best = Math.max(best, k);
        }
      }
    }
    return best < 0 ? 10 : best;
  }

  private static List<Comparison> compare(List<EvalResult> results, int k) {
    List<Comparison> out = new ArrayList<>();
    for (String kind : TESTED) {
      String metric = kind + "@" + k;
      for (int i = 0; i < results.size(); i++) {
        for (int j = i + 1; j < results.size(); j++) {
          EvalResult a = results.get(i);
          EvalResult b = results.get(j);
          if (!a.has(metric) || !b.has(metric) || !Arrays.equals(a.users(), b.users())) {
            continue;
          }
          double[] va = a.perUser(metric);
          double[] vb = b.perUser(metric);
          out.add(
              new Comparison(
                  metric,
                  a.algorithm(),
                  b.algorithm(),
                  Significance.pairedT(va, vb),
                  Significance.wilcoxon(va, vb)));
        }
      }
    }
    return out;
  }

  /**
   * Writes {@code report.json}, {@code report.html} and {@code per-user.tsv} into a folder.
   *
   * @param dir the folder (created if needed)
   */
  public void writeAll(Path dir) {
    writeJson(dir.resolve("report.json"));
    writeHtml(dir.resolve("report.html"));
    writePerUser(dir.resolve("per-user.tsv"));
  }

  /**
   * Writes the JSON report.
   *
   * @param path file to write
   */
  public void writeJson(Path path) {
    try (OutputStream os = Files.newOutputStream(prepare(path));
        JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("seerVersion", SeerVersion.get());
      g.writeStringField("createdAt", createdAt.toString());
      g.writeStringField("command", command);
      g.writeStringField("dataset", dataset);
      g.writeStringField("split", split);
      g.writeStringField("splitSummary", splitSummary);
      String protocol = results.isEmpty() ? "" : results.get(0).protocol();
      g.writeStringField("protocol", protocol);
      g.writeBooleanField("sampled", !results.isEmpty() && results.get(0).sampled());
      g.writeNumberField("primaryCutoff", primaryCutoff);
      g.writeObjectFieldStart("machine");
      for (Map.Entry<String, String> e : Machine.describe().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("algorithms");
      for (EvalResult r : results) {
        g.writeStartObject();
        g.writeStringField("name", r.algorithm());
        g.writeStringField("protocol", r.protocol());
        g.writeObjectFieldStart("model");
        g.writeStringField("algorithm", r.card().algorithm());
        g.writeNumberField("seed", r.card().seed());
        g.writeStringField("dataFingerprint", r.card().dataFingerprint());
        g.writeObjectFieldStart("options");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.card().options()).entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeNumberField("trainSeconds", r.trainMillis() / 1000.0);
        g.writeNumberField("evalSeconds", r.evalMillis() / 1000.0);
        g.writeNumberField("users", r.users().length);
        EvalResult.Counts c = r.counts();
        g.writeObjectFieldStart("counts");
        g.writeNumberField("testUsers", c.testUsers());
        g.writeNumberField("usersWithoutRelevant", c.usersWithoutRelevant());
        g.writeNumberField("relevantAlreadySeen", c.relevantSeen());
        g.writeNumberField("testRowsBelowThreshold", c.belowThreshold());
        g.writeNumberField("ratingRows", c.ratingRows());
        g.writeEndObject();
        g.writeObjectFieldStart("metrics");
        for (String m : r.allMetrics()) {
          number(g, m, r.mean(m));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("ci95");
        for (String m : r.perUserMetrics()) {
          Summary s = r.summary(m);
          g.writeObjectFieldStart(m);
          number(g, "low", s.ciLow());
          number(g, "high", s.ciHigh());
          number(g, "sd", s.sd());
          g.writeNumberField("n", s.n());
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("significance");
      for (Comparison cmp : comparisons) {
        g.writeStartObject();
        g.writeStringField("metric", cmp.metric());
        g.writeStringField("a", cmp.a());
        g.writeStringField("b", cmp.b());
        number(g, "meanDifference", cmp.t().meanDifference());
        g.writeObjectFieldStart("pairedT");
        g.writeNumberField("n", cmp.t().n());
        number(g, "t", cmp.t().statistic());
        number(g, "p", cmp.t().pValue());
        g.writeEndObject();
        g.writeObjectFieldStart("wilcoxon");
        g.writeNumberField("n", cmp.wilcoxon().n());
        number(g, "wPlus", cmp.wilcoxon().statistic());
        number(g, "z", cmp.wilcoxon().z());
        number(g, "p", cmp.wilcoxon().pValue());
        g.writeBooleanField("exact", cmp.wilcoxon().exact());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw cannotWrite(path, e);
    }
  }

  /** Writes a number, or null for NaN and infinities (which JSON cannot hold). */
  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }

  /**
   * Writes every per-user value as TSV: {@code algorithm user METRIC...}.
   *
   * @param path file to write
   */
  public void writePerUser(Path path) {
    try (BufferedWriter w = Files.newBufferedWriter(prepare(path), StandardCharsets.UTF_8)) {
      if (results.isEmpty()) {
        return;
      }
      w.write("# protocol=" + results.get(0).protocol() + "\n");
      for (EvalResult r : results) {
        List<String> names = r.perUserMetrics();
        w.write("algorithm\tuser\t" + String.join("\t", names) + "\n");
        double[][] v = new double[names.size()][];
        for (int j = 0; j < v.length; j++) {
          v[j] = r.perUser(names.get(j));
        }
        int[] users = r.users();
        for (int u = 0; u < users.length; u++) {
          StringBuilder sb = new StringBuilder();
          sb.append(r.algorithm()).append('\t').append(r.userIndex().id(users[u]));
          for (double[] col : v) {
            sb.append('\t').append(col[u]);
          }
          w.write(sb.append('\n').toString());
        }
      }
    } catch (IOException e) {
      throw cannotWrite(path, e);
    }
  }

  /**
   * Writes the self-contained HTML report (inline CSS and SVG; no scripts, no network).
   *
   * @param path file to write
   */
  public void writeHtml(Path path) {
    try (BufferedWriter w = Files.newBufferedWriter(prepare(path), StandardCharsets.UTF_8)) {
      w.write(html());
    } catch (IOException e) {
      throw cannotWrite(path, e);
    }
  }

  /**
   * Renders the HTML report.
   *
   * @return the page
   */
  public String html() {
    StringBuilder h = new StringBuilder();
    String protocol = results.isEmpty() ? "" : results.get(0).protocol();
    boolean sampled = !results.isEmpty() && results.get(0).sampled();
    int k = primaryCutoff;
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.append("<title>Seer evaluation: ").append(esc(dataset)).append("</title>");
    h.append("<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:right;white-space:nowrap}")
        .append(".scroll{overflow-x:auto}")
        .append("th:first-child,td:first-child{text-align:left}")
        .append("th{background:#f3f3f3}.best{font-weight:bold}.sig{background:#e8f5e9}")
        .append(".banner{padding:.6em 1em;border-radius:4px;background:#eef3fb}")
        .append(".sampled{background:#fff3cd;border:2px solid #e0a800}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:1.5em}small{color:#666}")
        .append("</style></head><body>\n");
    h.append("<h1>Seer evaluation: ").append(esc(dataset)).append("</h1>\n");
    h.append("<p class=\"banner")
        .append(sampled ? " sampled" : "")
        .append("\" id=\"protocol\"><b>Protocol:</b> ")
        .append(esc(protocol))
        .append("</p>\n");
    h.append("<p><b>Split:</b> ")
        .append(esc(split))
        .append("<br><b>Sizes:</b> ")
        .append(esc(splitSummary).replace("\n", "<br>"))
        .append(command.isEmpty() ? "" : "<br><b>Command:</b> <code>" + esc(command) + "</code>")
        .append("<br><small>Seer ")
        .append(esc(SeerVersion.get()))
        .append(", ")
        .append(esc(createdAt.toString()))
        .append(", ")
        .append(esc(Machine.describe().toString()))
        .append("</small></p>\n");
    if (results.isEmpty()) {
      h.append("<p>No results.</p></body></html>\n");
      return h.toString();
    }

    h.append("<h2>At K = ").append(k).append("</h2>\n");
    h.append(
        "<p><small>Mean over users with a 95% confidence interval (Student's t); best value in"
            + " bold.</small></p>\n");
    List<String> main = new ArrayList<>();
    for (String m : results.get(0).allMetrics()) {
      if (m.endsWith("@" + k) || !m.contains("@")) {
        main.add(m);
      }
    }
    table(h, main, true);

    h.append("<div class=\"charts\">\n");
    for (String kind : new String[] {"NDCG", "Recall", "HitRate", "Coverage"}) {
      String m = kind + "@" + k;
      if (results.get(0).has(m)) {
        h.append(barChart(m));
      }
    }
    int[] ks = cutoffs();
    if (ks.length > 1) {
      for (String kind : new String[] {"NDCG", "Recall"}) {
        h.append(lineChart(kind, ks));
      }
    }
    h.append("</div>\n");

    h.append("<h2>Significance at K = ").append(k).append("</h2>\n");
    h.append(
        "<p><small>Paired over the same users: Student's paired t-test and the Wilcoxon"
            + " signed-rank test (two-sided). Green: both p &lt; 0.05.</small></p>\n");
    h.append("<table id=\"significance\"><tr><th>metric</th><th>A</th><th>B</th>")
        .append("<th>mean A−B</th><th>t</th><th>p (t)</th><th>W+</th><th>p (Wilcoxon)</th></tr>\n");
    for (Comparison c : comparisons) {
      boolean sig = c.t().pValue() < 0.05 && c.wilcoxon().pValue() < 0.05;
      h.append(sig ? "<tr class=\"sig\">" : "<tr>")
          .append("<td>")
          .append(esc(c.metric()))
          .append("</td><td>")
          .append(esc(c.a()))
          .append("</td><td>")
          .append(esc(c.b()))
          .append("</td><td>")
          .append(fmt(c.t().meanDifference()))
          .append("</td><td>")
          .append(fmt(c.t().statistic()))
          .append("</td><td>")
          .append(p(c.t().pValue()))
          .append("</td><td>")
          .append(fmt(c.wilcoxon().statistic()))
          .append("</td><td>")
          .append(p(c.wilcoxon().pValue()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>All metrics</h2>\n");
    table(h, results.get(0).allMetrics(), false);

    h.append("<h2>Runs</h2>\n<table><tr><th>algorithm</th><th>train s</th><th>evaluate s</th>")
        .append("<th>users</th><th>test users without relevant items</th>")
        .append("<th>relevant pairs already seen</th><th>options</th></tr>\n");
    for (EvalResult r : results) {
      h.append("<tr><td>")
          .append(esc(r.algorithm()))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.2f", r.trainMillis() / 1000.0))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.2f", r.evalMillis() / 1000.0))
          .append("</td><td>")
          .append(r.users().length)
          .append("</td><td>")
          .append(r.counts().usersWithoutRelevant())
          .append("</td><td>")
          .append(r.counts().relevantSeen())
          .append("</td><td>")
          .append(esc(new java.util.TreeMap<>(r.card().options()).toString()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    h.append(definitions());
    h.append("</body></html>\n");
    return h.toString();
  }

  private int[] cutoffs() {
    return results.get(0).perUserMetrics().stream()
        .filter(m -> m.startsWith("NDCG@"))
        .mapToInt(m -> Integer.parseInt(m.substring(5)))
        .toArray();
  }

  private void table(StringBuilder h, List<String> metrics, boolean withCi) {
    h.append("<div class=\"scroll\"><table class=\"metrics\"><tr><th>algorithm</th>");
    for (String m : metrics) {
      h.append("<th>").append(esc(m)).append("</th>");
    }
    h.append("</tr>\n");
    for (EvalResult r : results) {
      h.append("<tr><td>").append(esc(r.algorithm())).append("</td>");
      for (String m : metrics) {
        if (!r.has(m)) {
          h.append("<td>–</td>");
          continue;
        }
        double v = r.mean(m);
        h.append(isBest(m, v) ? "<td class=\"best\">" : "<td>").append(fmt(v));
        if (withCi && r.perUserMetrics().contains(m)) {
          h.append(" <small>± ").append(fmt(r.summary(m).halfWidth())).append("</small>");
        }
        h.append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table></div>\n");
  }

  private boolean isBest(String metric, double v) {
    boolean lower = metric.equals("RMSE") || metric.equals("MAE");
    for (EvalResult r : results) {
      if (r.has(metric)) {
        double o = r.mean(metric);
        if (lower ? o < v : o > v) {
          return false;
        }
      }
    }
    return results.size() > 1;
  }

  private static final String[] COLOURS = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"
  };

  /** A bar per algorithm with a 95% confidence whisker (for per-user metrics). */
  private String barChart(String metric) {
    int w = 460;
    int h = 260;
    int left = 50;
    int bottom = 40;
    int top = 30;
    double max = 0;
    for (EvalResult r : results) {
      double hi = r.perUserMetrics().contains(metric) ? r.summary(metric).ciHigh() : r.mean(metric);
      max = Math.max(max, Double.isFinite(hi) ? hi : 0);
    }
    max = niceMax(max);
    StringBuilder s = new StringBuilder();
    s.append(svgStart(w, h, metric + " by algorithm"));
    axis(s, left, top, w - 10, h - bottom, 0, max);
    int n = results.size();
    double slot = (double) (w - 10 - left) / n;
    for (int i = 0; i < n; i++) {
      EvalResult r = results.get(i);
      double v = r.mean(metric);
      double x = left + i * slot + slot * 0.15;
      double bw = slot * 0.7;
      double y = yOf(v, max, top, h - bottom);
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                  + "<title>%s: %s</title></rect>",
              x,
              y,
              bw,
              h - bottom - y,
              COLOURS[i % COLOURS.length],
              esc(r.algorithm()),
              fmt(v)));
      if (r.perUserMetrics().contains(metric)) {
        Summary sm = r.summary(metric);
        double cx = x + bw / 2;
        double y1 = yOf(sm.ciLow(), max, top, h - bottom);
        double y2 = yOf(sm.ciHigh(), max, top, h - bottom);
        s.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>"
                    + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>"
                    + "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>",
                cx,
                y1,
                cx,
                y2,
                cx - 5,
                y1,
                cx + 5,
                y1,
                cx - 5,
                y2,
                cx + 5,
                y2));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
              x + bw / 2,
              h - bottom + 15,
              esc(r.algorithm())));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** One line per algorithm over the cutoffs. */
  private String lineChart(String kind, int[] ks) {
    int w = 460;
    int h = 260;
    int left = 50;
    int bottom = 40;
    int top = 30;
    int right = w - 110;
    double max = 0;
    for (EvalResult r : results) {
      for (int k : ks) {
        max = Math.max(max, r.mean(kind + "@" + k));
      }
    }
    max = niceMax(max);
    StringBuilder s = new StringBuilder();
    s.append(svgStart(w, h, kind + "@K by K"));
    axis(s, left, top, right, h - bottom, 0, max);
    for (int j = 0; j < ks.length; j++) {
      double x = xOf(j, ks.length, left, right);
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">K=%d</text>",
              x,
              h - bottom + 15,
              ks[j]));
    }
    for (int i = 0; i < results.size(); i++) {
      EvalResult r = results.get(i);
      String colour = COLOURS[i % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      for (int j = 0; j < ks.length; j++) {
        double x = xOf(j, ks.length, left, right);
        double y = yOf(r.mean(kind + "@" + ks[j]), max, top, h - bottom);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                x,
                y,
                colour));
      }
      s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(colour)
          .append("\" points=\"")
          .append(pts.toString().trim())
          .append("\"/>");
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>",
              right + 10,
              top + 14 * (i + 1),
              colour,
              esc(r.algorithm())));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static double xOf(int j, int n, int left, int right) {
    return n == 1 ? (left + right) / 2.0 : left + 10 + (right - left - 20) * (double) j / (n - 1);
  }

  private static String svgStart(int w, int h, String title) {
    return String.format(
        Locale.ROOT,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
            + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><text x=\"%d\" y=\"18\""
            + " font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\">%s</text>",
        w,
        h,
        w,
        h,
        esc(title),
        w / 2,
        esc(title));
  }

  private static void axis(StringBuilder s, int x0, int y0, int x1, int y1, double lo, double hi) {
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>",
            x0,
            y0,
            x0,
            y1,
            x0,
            y1,
            x1,
            y1));
    for (int t = 0; t <= 4; t++) {
      double v = lo + (hi - lo) * t / 4;
      double y = yOf(v, hi, y0, y1);
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
              x0 + 1,
              y,
              x1,
              y,
              x0 - 4,
              y + 3,
              trim(v)));
    }
  }

  private static double yOf(double v, double max, int top, int bottom) {
    double f = max <= 0 || !Double.isFinite(v) ? 0 : Math.max(0, Math.min(1, v / max));
    return bottom - f * (bottom - top);
  }

  private static double niceMax(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * mag >= v) {
        return step * mag;
      }
    }
    return 10 * mag;
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  private static String definitions() {
    return "<h2>Definitions</h2>\n<ul><small>"
        + "<li>Precision@K = hits in the top K / K. Recall@K = hits / R (R: the user's relevant"
        + " test items). CappedRecall@K = hits / min(K, R).</li>"
        + "<li>NDCG@K: binary relevance, DCG = Σ 1/log2(rank+1) over hits, divided by the DCG of"
        + " min(K, R) hits at the top. MAP@K: Σ Precision@rank over hits / min(K, R)."
        + " MRR@K: 1/rank of the first hit. HitRate@K: 1 if any hit.</li>"
        + "<li>Novelty@K: mean −log2(training users of the item / training users). ILD@K: mean"
        + " pairwise 1 − Jaccard of item categories. AUC: over all candidates, ties count ½.</li>"
        + "<li>Coverage@K: distinct items in all top-K lists / items in the catalogue. RMSE and"
        + " MAE: over all test rows, for models that predict ratings.</li>"
        + "<li>Users with no relevant test item left after excluding their known items are not"
        + " evaluated; the counts are in the table above and in report.json.</li>"
        + "</small></ul>\n";
  }

  private static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String p(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static Path prepare(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return path;
  }

  private static InputException cannotWrite(Path path, IOException e) {
    return new InputException(
        "Cannot write " + path + " (" + e.getMessage() + "); check the path and permissions.", e);
  }
}
