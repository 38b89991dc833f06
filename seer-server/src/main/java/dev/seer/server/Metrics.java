package dev.seer.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Prometheus metrics in the text exposition format: requests and errors by route and status,
 * request latency histograms by route, and gauges registered by the server (model versions, event
 * lag).
 */
final class Metrics {
  private static final double[] BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5
  };

  private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Histogram> latency = new ConcurrentHashMap<>();
  private final Map<String, Supplier<Map<String, Double>>> gauges = new ConcurrentHashMap<>();
  private final AtomicLong eventsStored = new AtomicLong();

  private static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
    final LongAdder count = new LongAdder();
    final java.util.concurrent.atomic.DoubleAdder sum =
        new java.util.concurrent.atomic.DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }
  }

  void record(String method, String route, int status, double seconds) {
    requests.computeIfAbsent(method + " " + route + " " + status, k -> new LongAdder()).increment();
    Histogram h = latency.computeIfAbsent(method + " " + route, k -> new Histogram());
    int b = 0;
    while (b < BUCKETS.length && seconds > BUCKETS[b]) {
      b++;
    }
    h.counts[b].increment();
    h.count.increment();
    h.sum.add(seconds);
  }

  void eventsStored(long n) {
    eventsStored.addAndGet(n);
  }

  void gauge(String name, Supplier<Map<String, Double>> byLabel) {
    gauges.put(name, byLabel);
  }

  String scrape() {
    StringBuilder s = new StringBuilder();
    s.append("# HELP seer_http_requests_total HTTP requests by method, route and status.\n");
    s.append("# TYPE seer_http_requests_total counter\n");
    for (Map.Entry<String, LongAdder> e : new TreeMap<>(requests).entrySet()) {
      String[] p = e.getKey().split(" ");
      s.append(
          String.format(
              Locale.ROOT,
              "seer_http_requests_total{method=\"%s\",route=\"%s\",status=\"%s\"} %d%n",
              p[0],
              p[1],
              p[2],
              e.getValue().sum()));
    }
    s.append("# HELP seer_http_errors_total HTTP responses with status 4xx or 5xx.\n");
    s.append("# TYPE seer_http_errors_total counter\n");
    long client = 0;
    long server = 0;
    for (Map.Entry<String, LongAdder> e : requests.entrySet()) {
      String status = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
      if (status.startsWith("4")) {
        client += e.getValue().sum();
      } else if (status.startsWith("5")) {
        server += e.getValue().sum();
      }
    }
    s.append("seer_http_errors_total{class=\"4xx\"} ").append(client).append('\n');
    s.append("seer_http_errors_total{class=\"5xx\"} ").append(server).append('\n');
    s.append("# HELP seer_http_request_seconds Request latency by method and route.\n");
    s.append("# TYPE seer_http_request_seconds histogram\n");
    for (Map.Entry<String, Histogram> e : new TreeMap<>(latency).entrySet()) {
      String[] p = e.getKey().split(" ");
      String labels = "method=\"" + p[0] + "\",route=\"" + p[1] + "\"";
      long cumulative = 0;
      Histogram h = e.getValue();
      for (int b = 0; b < BUCKETS.length; b++) {
        cumulative += h.counts[b].sum();
        s.append(
            String.format(
                Locale.ROOT,
                "seer_http_request_seconds_bucket{%s,le=\"%s\"} %d%n",
                labels,
                BUCKETS[b],
                cumulative));
      }
      cumulative += h.counts[BUCKETS.length].sum();
      s.append("seer_http_request_seconds_bucket{")
          .append(labels)
          .append(",le=\"+Inf\"} ")
          .append(cumulative)
          .append('\n');
      s.append("seer_http_request_seconds_count{")
          .append(labels)
          .append("} ")
          .append(h.count.sum())
          .append('\n');
      s.append(
          String.format(
              Locale.ROOT, "seer_http_request_seconds_sum{%s} %.6f%n", labels, h.sum.sum()));
    }
    s.append("# HELP seer_events_stored_total Events stored since the server started.\n");
    s.append("# TYPE seer_events_stored_total counter\n");
    s.append("seer_events_stored_total ").append(eventsStored.get()).append('\n');
    for (Map.Entry<String, Supplier<Map<String, Double>>> g : new TreeMap<>(gauges).entrySet()) {
      s.append("# TYPE ").append(g.getKey()).append(" gauge\n");
      for (Map.Entry<String, Double> v : new TreeMap<>(g.getValue().get()).entrySet()) {
        s.append(g.getKey())
            .append(v.getKey().isEmpty() ? "" : "{" + v.getKey() + "}")
            .append(' ')
            .append(v.getValue())
            .append('\n');
      }
    }
    return s.toString();
  }
}
