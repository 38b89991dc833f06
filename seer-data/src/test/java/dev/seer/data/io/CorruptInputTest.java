package dev.seer.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.DataFormatException;
import dev.seer.api.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each reader rejects a corrupted copy of its format with the exact file and line. */
class CorruptInputTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.ISO_8859_1);
    return p;
  }

  private static DataFormatException fails(
      Path file, Path read, String format, long line, String reasonPart) {
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> DatasetReaders.read(read, format, ReadOptions.strict(), null));
    assertEquals(file.toString(), e.file());
    assertEquals(line, e.line());
    assertTrue(e.reason().contains(reasonPart), e.reason());
    assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
    return e;
  }

  @Test
  void ml100kBadFieldCount() throws IOException {
    Path f = write("ml/u.data", "1\t10\t5\t881250949\n2\t20\t4\n3\t30\t3\t881250949\n");
    fails(f, dir.resolve("ml"), "ml-100k", 2, "expected 4 fields");
  }

  @Test
  void ml100kNonNumericOutOfRangeAndEmptyId() throws IOException {
    Path f = write("a/u.data", "1\t10\t5\t881250949\n1\t11\tfive\t881250949\n");
    fails(f, f, "ml-100k", 2, "rating 'five' (field 3) is not a number");
    Path g = write("b/u.data", "1\t10\t7\t881250949\n");
    fails(g, g, "ml-100k", 1, "out of range");
    Path h = write("c/u.data", "1\t10\t5\t881250949\n\t11\t4\t881250949\n");
    fails(h, h, "ml-100k", 2, "empty user id");
  }

  @Test
  void ml100kItemFileBadGenreFlag() throws IOException {
    write("m/u.data", "1\t1\t5\t881250949\n");
    String flags = "|0".repeat(18);
    Path item =
        write("m/u.item", "1|Toy|01-Jan-1995||url|1" + flags + "\n2|Bad|||url|x" + flags + "\n");
    fails(item, dir.resolve("m"), null, 2, "must be 0 or 1");
  }

  @Test
  void mlCsvNonNumericRatingAndQuoting() throws IOException {
    Path r = write("c/ratings.csv", "userId,movieId,rating,timestamp\n1,2,4.5,9\n1,3,abc,9\n");
    fails(r, dir.resolve("c"), "ml-csv", 3, "is not a number");
    Path r2 = write("d/ratings.csv", "userId,movieId,rating,timestamp\n1,2,4.5,9\n");
    Path m = write("d/movies.csv", "movieId,title,genres\n2,\"Bad \"quote\" here\",Drama\n");
    fails(m, r2.getParent(), "ml-csv", 2, "text after the closing quote");
    Path r3 = write("e/ratings.csv", "userId,movieId,rating,timestamp\n1,2,9.5,9\n");
    fails(r3, r3, null, 2, "out of range 0.5..5.0");
  }

  @Test
  void mlCsvMissingHeaderColumnFailsEvenWhenSkipping() throws IOException {
    Path r = write("h/ratings.csv", "user,movie,stars\n1,2,4\n");
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> DatasetReaders.read(r, "ml-csv", ReadOptions.skipping(), null));
    assertEquals(1, e.line());
    assertTrue(e.reason().contains("no column 'userId'"), e.reason());
  }

  @Test
  void ml1mBadFieldCountAndBadMovie() throws IOException {
    Path r = write("one/ratings.dat", "1::1193::5::978300760\n1::661::3\n");
    fails(r, dir.resolve("one"), null, 2, "expected 4 fields");
    write("two/ratings.dat", "1::1193::5::978300760\n");
    Path m = write("two/movies.dat", "1193::One Flew (1975)::Drama\n1194 Title Drama\n");
    fails(m, dir.resolve("two"), "ml-1m", 2, "expected 3 fields");
  }

  @Test
  void pairsBadLineAndTruncatedGzip() throws IOException {
    Path p = write("p/user_movie_pairs.tsv", "1\t1193\n1\n");
    fails(p, p, null, 2, "expected 2 fields");
    // A truncated gzip stream is fatal even when skipping: the rest of the file is lost.
    StringBuilder sb = new StringBuilder();
    java.util.Random rnd = new java.util.Random(7);
    for (int k = 0; k < 20_000; k++) {
      sb.append(rnd.nextInt(100_000)).append('\t').append(rnd.nextInt(100_000)).append('\n');
    }
    byte[] gz = gzip(sb.toString().getBytes(StandardCharsets.US_ASCII));
    Path t = dir.resolve("trunc_pairs.tsv.gz");
    Files.write(t, Arrays.copyOf(gz, gz.length / 2));
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> DatasetReaders.read(t, "ml-1m-pairs", ReadOptions.skipping(), null));
    assertEquals(t.toString(), e.file());
    assertTrue(e.line() > 1 && e.line() < 20_000, "line " + e.line());
    assertTrue(e.reason().contains("truncated"), e.reason());
  }

  @Test
  void amazonBadJsonMissingFieldAndBadRating() throws IOException {
    String ok = "{\"reviewerID\":\"A1\",\"asin\":\"B1\",\"overall\":5.0,\"unixReviewTime\":1}\n";
    Path a = write("a/reviews.json", ok + "{\"reviewerID\":\"A2\",\"asin\":\"B1\",\"overall\":\n");
    fails(a, a, null, 2, "bad JSON");
    Path b = write("b/reviews.json", ok + ok + "{\"reviewerID\":\"A2\",\"overall\":4}\n");
    fails(b, b, "amazon", 3, "'asin' is missing");
    Path c =
        write("c/reviews.json", ok + "{\"reviewerID\":\"A2\",\"asin\":\"B\",\"overall\":\"x\"}\n");
    fails(c, c, "amazon", 2, "is not a number");
    Path d =
        write("d/reviews.json", ok + "{\"reviewerID\":\"A2\",\"asin\":\"B\",\"overall\":4} x\n");
    fails(d, d, "amazon", 2, "bad JSON");
  }

  @Test
  void amazon2018FieldsAreAccepted() throws IOException {
    Path a =
        write(
            "r/reviews.json",
            "{\"overall\": 4.0, \"vote\": \"2\", \"verified\": true, \"reviewTime\": \"09 1, 2016\","
                + " \"reviewerID\": \"U1\", \"asin\": \"I1\", \"style\": {\"Format:\": \" Paperback\"},"
                + " \"reviewerName\": \"Ann\", \"reviewText\": \"Good.\", \"summary\": \"Nice\","
                + " \"unixReviewTime\": 1472688000, \"image\": [\"http://x/1.jpg\"]}\n");
    ReadResult r = DatasetReaders.read(a, null, null, null);
    assertEquals(1, r.dataset().interactions().size());
    assertEquals(4f, r.dataset().interactions().rating(0), 0f);
    assertEquals(1472688000L, r.dataset().interactions().timestamp(0));
    assertEquals("Nice. Good.", r.dataset().items().get("I1").text());
    assertEquals("1", r.dataset().items().get("I1").attributes().get("reviews"));
    assertEquals("Ann", r.dataset().users().get("U1").get("name"));
  }

  @Test
  void skipPolicyCountsAndKeepsFirstExamples() throws IOException {
    Path f =
        write(
            "s/u.data",
            "1\t10\t5\t1\n"
                + "x\n"
                + "2\t20\tbad\t1\n"
                + "\n"
                + "3\t30\t3\t1\n"
                + "4\t40\t9\t1\n"
                + "5\t\t3\t1\n");
    ReadResult r = DatasetReaders.read(f, "ml-100k", new ReadOptions(ErrorPolicy.SKIP, 2), null);
    ReadReport rep = r.reports().get(0);
    assertEquals(7, rep.lines());
    assertEquals(2, rep.accepted());
    assertEquals(4, rep.skipped());
    assertEquals(1, rep.ignored());
    assertEquals(2, rep.examples().size());
    assertTrue(
        rep.examples().get(0).startsWith(f + ":2: expected 4 fields"), rep.examples().get(0));
    assertTrue(rep.examples().get(1).startsWith(f + ":3: rating 'bad'"), rep.examples().get(1));
    assertTrue(rep.summary().contains("7 lines, 2 accepted, 4 skipped"), rep.summary());
    // Skipped rows leave no ids behind: only users 1 and 3 exist.
    assertEquals(2, r.dataset().interactions().numUsers());
    assertEquals(4, r.skipped());
  }

  @Test
  void missingPathAndUnknownFormat() throws IOException {
    InputException missing =
        assertThrows(
            InputException.class, () -> DatasetReaders.read(dir.resolve("nope"), null, null, null));
    assertTrue(missing.getMessage().contains(dir.resolve("nope").toString()));
    assertTrue(missing.getMessage().contains("ml-100k, ml-csv, ml-1m, ml-1m-pairs, amazon"));
    Path f = write("u.data", "1\t2\t3\t4\n");
    InputException unknown =
        assertThrows(InputException.class, () -> DatasetReaders.read(f, "netflix", null, null));
    assertTrue(unknown.getMessage().contains("'netflix'"));
    assertTrue(unknown.getMessage().contains("jsonl"));
    Path other = write("empty/readme.txt", "hello\n");
    InputException undetected =
        assertThrows(
            InputException.class, () -> DatasetReaders.read(other.getParent(), null, null, null));
    assertTrue(undetected.getMessage().contains("Cannot tell the format"));
    assertThrows(
        InputException.class, () -> DatasetReaders.read(dir.resolve("empty"), "ml-1m", null, null));
  }

  static byte[] gzip(byte[] data) throws IOException {
    java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
    try (OutputStream os = new GZIPOutputStream(bos)) {
      os.write(data);
    }
    return bos.toByteArray();
  }
}
