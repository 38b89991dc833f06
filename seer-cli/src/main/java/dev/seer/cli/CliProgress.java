package dev.seer.cli;

import dev.seer.api.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress on standard error: a progress bar on a terminal, otherwise a line per task at most
 * every few seconds (so logs stay readable). Thread-safe.
 */
final class CliProgress implements ProgressListener, AutoCloseable {
  private static final long LOG_INTERVAL_NANOS = 3_000_000_000L;

  private final PrintStream err;
  private final boolean terminal;
  private String task;
  private ProgressBar bar;
  private long lastLog;
  private long lastTotal;

  CliProgress(PrintStream err) {
    this(err, System.console() != null && !"dumb".equals(System.getenv("TERM")));
  }

  CliProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public synchronized void update(String name, long done, long total) {
    if (!name.equals(task)) {
      finish();
      task = name;
      lastTotal = total;
      lastLog = 0;
      if (terminal) {
        bar =
            new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(Math.max(total, 0))
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(200)
                .build();
      }
    }
    lastTotal = total;
    if (bar != null) {
      if (total > 0 && bar.getMax() != total) {
        bar.maxHint(total);
      }
      bar.stepTo(done);
      if (total > 0 && done >= total) {
        finish();
      }
      return;
    }
    long now = System.nanoTime();
    boolean complete = total > 0 && done >= total;
    if (complete || lastLog == 0 || now - lastLog >= LOG_INTERVAL_NANOS) {
      lastLog = now;
      if (total > 0) {
        err.printf("[seer] %s: %d/%d (%.0f%%)%n", name, done, total, 100.0 * done / total);
      } else {
        err.printf("[seer] %s: %d%n", name, done);
      }
      if (complete) {
        task = null;
      }
    }
  }

  private void finish() {
    if (bar != null) {
      if (lastTotal > 0) {
        bar.stepTo(lastTotal);
      }
      bar.close();
      bar = null;
    }
    task = null;
  }

  @Override
  public synchronized void close() {
    finish();
  }
}
