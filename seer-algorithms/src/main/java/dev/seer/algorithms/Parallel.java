package dev.seer.algorithms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs work over {@code 0..n-1} in fixed-size chunks on a few threads. Chunk boundaries do not
 * depend on the thread count, so as long as each chunk's result depends only on its range, results
 * are the same for any number of threads.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Work on one chunk.
   *
   * @param <S> per-thread scratch space
   */
  @FunctionalInterface
  public interface ChunkBody<S> {
    /**
     * Processes {@code from..to-1}.
     *
     * @param from first index
     * @param to one past the last index
     * @param scratch this thread's scratch space, reused across its chunks
     */
    void run(int from, int to, S scratch);
  }

  /**
   * Processes {@code 0..n-1} in chunks of {@code chunk}, on up to {@code threads} threads, and
   * returns when all chunks are done. An exception in any chunk is rethrown here.
   *
   * @param n number of indices
   * @param chunk chunk size, at least 1
   * @param threads most threads to use, at least 1
   * @param scratch makes one scratch object per thread
   * @param body the work
   * @param <S> scratch type
   */
  public static <S> void forEachChunk(
      int n, int chunk, int threads, Supplier<S> scratch, ChunkBody<S> body) {
    if (chunk < 1 || threads < 1) {
      throw new IllegalArgumentException("chunk and threads must be at least 1");
    }
    int chunks = (int) ((n + (long) chunk - 1) / chunk);
    int workers = Math.min(threads, chunks);
    if (workers <= 1) {
      S s = scratch.get();
      for (int c = 0; c < chunks; c++) {
        body.run(c * chunk, Math.min(n, (c + 1) * chunk), s);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ids = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "seer-worker-" + ids.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    ExecutorService pool = Executors.newFixedThreadPool(workers, factory);
    try {
      List<Future<?>> futures = new ArrayList<>(workers);
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  S s = scratch.get();
                  for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    body.run(c * chunk, Math.min(n, (c + 1) * chunk), s);
                  }
                }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          next.set(chunks);
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
          next.set(chunks);
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for worker threads", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
