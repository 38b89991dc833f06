package dev.seer.data.synth;

import dev.seer.api.Dataset;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Generates synthetic interaction data with structure a recommender can learn.
 *
 * <ul>
 *   <li>User activity and item popularity follow seeded Zipf-like power laws (exponents in {@link
 *       SyntheticOptions}); every user has at least one row and at most half the items.
 *   <li>Each item has one latent topic; each user prefers 1 to 3 topics (picked in proportion to
 *       topic popularity) with random weights. 90% of a user's items are drawn from the preferred
 *       topics, by popularity within the topic; 10% are drawn by global popularity. So item-kNN and
 *       matrix factorisation beat popularity.
 *   <li>Ratings (1 to 5) are higher for items of a user's preferred topics.
 *   <li>Timestamps (Unix seconds from mid-2017 on) increase strictly within each user.
 *   <li>Item titles and texts come from per-topic vocabularies of made-up words, so text models can
 *       learn the topics too.
 *   <li>No user has the same item twice. Rows come user by user, in user index order.
 * </ul>
 *
 * <p>User ids are {@code u0, u1, ...}, item ids {@code i0, i1, ...}, topics {@code topic-0, ...}.
 * The same options always give the same rows and byte-identical files.
 */
public final class SyntheticGenerator {
  /** The largest data set {@link #generate(SyntheticOptions)} builds in memory. */
  public static final long MAX_IN_MEMORY = 50_000_000L;

  /** Header line of {@link #writeTsv}. */
  public static final String TSV_HEADER = "user\titem\trating\ttimestamp";

  /** Header line of {@link #writeItems}. */
  public static final String ITEMS_HEADER = "item\ttitle\ttopic\ttext";

  /** Creates a generator (it holds no state; the options carry the seed). */
  public SyntheticGenerator() {}

  /**
   * Generates a data set in memory. The id indices list every user and item, in id order ({@code
   * u0} has index 0); items without rows are included. Item metadata carries title, text, the topic
   * as the single category and as the attribute {@code topic}.
   *
   * @param options sizes and seed
   * @return the data set, named {@code synthetic}
   * @throws InputException if the data set is larger than {@link #MAX_IN_MEMORY} rows
   */
  public Dataset generate(SyntheticOptions options) {
    if (options.interactions() > MAX_IN_MEMORY) {
      throw new InputException(
          "interactions is "
              + options.interactions()
              + ", more than the "
              + MAX_IN_MEMORY
              + " rows generated in memory; stream it to a file with writeTsv instead.");
    }
    LatentModel m = new LatentModel(options);
    int n = (int) options.interactions();
    int[] u = new int[n];
    int[] it = new int[n];
    float[] r = new float[n];
    long[] t = options.timestamps() ? new long[n] : null;
    int[] pos = {0};
    m.generate(
        (user, item, rating, time) -> {
          int k = pos[0]++;
          u[k] = user;
          it[k] = item;
          r[k] = rating;
          if (t != null) {
            t[k] = time;
          }
        });
    List<String> userIds = new ArrayList<>(options.users());
    for (int x = 0; x < options.users(); x++) {
      userIds.add(LatentModel.userId(x));
    }
    List<String> itemIds = new ArrayList<>(options.items());
    Map<String, ItemInfo> infos = new HashMap<>();
    for (int i = 0; i < options.items(); i++) {
      String id = LatentModel.itemId(i);
      itemIds.add(id);
      String topic = LatentModel.topicName(m.itemTopic[i]);
      infos.put(
          id, new ItemInfo(id, m.title(i), List.of(topic), m.text(i), Map.of("topic", topic)));
    }
    Interactions data = new Interactions(IdIndex.of(userIds), IdIndex.of(itemIds), u, it, r, t);
    return new Dataset("synthetic", data, infos, Map.of());
  }

  /**
   * Streams the rows to a TSV file with the header {@link #TSV_HEADER} (the timestamp column is
   * empty without timestamps), gzip-compressed when the file name ends with {@code .gz}. Memory is
   * O(users + items): rows are never held.
   *
   * @param options sizes and seed
   * @param out the file to write (replaced if it exists)
   * @param progress receives {@code (rows written, total rows)} every 2^20 rows and at the end
   * @return the number of rows written
   * @throws InputException if the file cannot be written
   */
  public long writeTsv(SyntheticOptions options, Path out, ProgressListener progress) {
    LatentModel m = new LatentModel(options);
    long total = options.interactions();
    boolean timed = options.timestamps();
    try (AsciiOut w = new AsciiOut(open(out))) {
      w.text(TSV_HEADER).newline();
      long[] done = {0};
      m.generate(
          (user, item, rating, time) -> {
            try {
              w.ch('u').num(user).ch('\t').ch('i').num(item).ch('\t').num(rating).ch('\t');
              if (timed) {
                w.num(time);
              }
              w.newline();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            if ((++done[0] & ((1 << 20) - 1)) == 0) {
              progress.update("synthetic: writing rows", done[0], total);
            }
          });
      progress.update("synthetic: writing rows", done[0], total);
      return done[0];
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InputException(
          "Could not write synthetic rows to " + out + " (" + e.getMessage() + "); check the path.",
          e);
    }
  }

  /**
   * Writes the item catalogue as TSV with the header {@link #ITEMS_HEADER} (gzip when the name ends
   * with {@code .gz}). Titles and texts hold no tabs or line breaks.
   *
   * @param options sizes and seed (the same options as the rows)
   * @param out the file to write
   * @return the number of items written
   * @throws InputException if the file cannot be written
   */
  public long writeItems(SyntheticOptions options, Path out) {
    LatentModel m = new LatentModel(options);
    try (AsciiOut w = new AsciiOut(open(out))) {
      w.text(ITEMS_HEADER).newline();
      for (int i = 0; i < options.items(); i++) {
        w.text(LatentModel.itemId(i))
            .ch('\t')
            .text(m.title(i))
            .ch('\t')
            .text(LatentModel.topicName(m.itemTopic[i]))
            .ch('\t')
            .text(m.text(i))
            .newline();
      }
      return options.items();
    } catch (IOException e) {
      throw new InputException(
          "Could not write synthetic items to "
              + out
              + " ("
              + e.getMessage()
              + "); check the path.",
          e);
    }
  }

  private static OutputStream open(Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream s = Files.newOutputStream(out);
    if (out.getFileName().toString().endsWith(".gz")) {
      return new GZIPOutputStream(s, 1 << 16);
    }
    return new BufferedOutputStream(s, 1 << 16);
  }

  /** A small buffered writer of ASCII text and decimal numbers. */
  private static final class AsciiOut implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int p;

    AsciiOut(OutputStream out) {
      this.out = out;
    }

    AsciiOut ch(char c) throws IOException {
      if (p == buf.length) {
        flushBuffer();
      }
      buf[p++] = (byte) c;
      return this;
    }

    AsciiOut newline() throws IOException {
      return ch('\n');
    }

    AsciiOut text(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (p + b.length > buf.length) {
        flushBuffer();
      }
      if (b.length > buf.length) {
        out.write(b);
      } else {
        System.arraycopy(b, 0, buf, p, b.length);
        p += b.length;
      }
      return this;
    }

    AsciiOut num(long v) throws IOException {
      if (p + 21 > buf.length) {
        flushBuffer();
      }
      if (v < 0) {
        buf[p++] = '-';
        if (v == Long.MIN_VALUE) {
          return text("9223372036854775808");
        }
        v = -v;
      }
      int d = 0;
      do {
        digits[d++] = (byte) ('0' + (v % 10));
        v /= 10;
      } while (v > 0);
      while (d > 0) {
        buf[p++] = digits[--d];
      }
      return this;
    }

    private void flushBuffer() throws IOException {
      out.write(buf, 0, p);
      p = 0;
    }

    @Override
    public void close() throws IOException {
      try {
        flushBuffer();
      } finally {
        out.close();
      }
    }
  }
}
