package dev.seer.data.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.DataFormatException;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFilesTest {
  @TempDir Path dir;

  private static Interactions data(boolean rated, boolean timed) {
    Interactions.Builder b = new Interactions.Builder();
    b.users().add("nobody"); // a user without rows must survive the round trip
    for (int u = 0; u < 8; u++) {
      for (int j = 0; j < 5; j++) {
        b.add(
            "user " + u,
            "item-" + ((u * 3 + j) % 11),
            rated ? (float) (j - 1) / 3f : Float.NaN,
            timed ? 1_600_000_000L + u * 100 + j : Interactions.NO_TIME);
      }
    }
    return b.build();
  }

  private static void assertSameParts(Split a, Split b) {
    assertEquals(a.name(), b.name());
    assertEquals(a.train().users().ids(), b.train().users().ids());
    assertEquals(a.train().items().ids(), b.train().items().ids());
    Interactions[] pa = {a.train(), a.validation(), a.test(), a.foldIn()};
    Interactions[] pb = {b.train(), b.validation(), b.test(), b.foldIn()};
    for (int j = 0; j < pa.length; j++) {
      assertSame(b.train().users(), pb[j].users());
      assertArrayEquals(pa[j].userColumn(), pb[j].userColumn());
      assertArrayEquals(pa[j].itemColumn(), pb[j].itemColumn());
      assertArrayEquals(
          pa[j].ratingColumn(), pb[j].ratingColumn()); // exact: Float.toString round-trips
      assertArrayEquals(pa[j].timeColumn(), pb[j].timeColumn());
      assertEquals(pa[j].fingerprint(), pb[j].fingerprint());
    }
  }

  @Test
  void roundTripWithRatingsTimestampsAndAllParts() {
    Split s =
        Validation.carve(new UserHoldoutSplitter(0.25, 0.4, 5).split(data(true, true)), 0.3, 6);
    assertTrue(s.validation().size() > 0 && s.foldIn().size() > 0);
    SplitFiles.write(s, dir);
    assertSameParts(s, SplitFiles.read(dir));
  }

  @Test
  void roundTripOfImplicitDataWithoutTimestamps() throws IOException {
    Split s = new RandomSplitter(0.2, 4).split(data(false, false));
    SplitFiles.write(s, dir);
    Split back = SplitFiles.read(dir);
    assertSameParts(s, back);
    assertNull(back.test().ratingColumn());
    List<String> lines = Files.readAllLines(dir.resolve("test.tsv"));
    assertEquals("user\titem\trating\ttimestamp", lines.get(0));
    assertTrue(lines.get(1).endsWith("\t\t"), lines.get(1));
    assertEquals("nobody", Files.readAllLines(dir.resolve("users.tsv")).get(1));
  }

  @Test
  void writingTwiceGivesIdenticalFiles() throws IOException {
    Split s = new RandomSplitter(0.2, 4).split(data(true, true));
    SplitFiles.write(s, dir.resolve("one"));
    SplitFiles.write(s, dir.resolve("two"));
    for (String f : List.of("split.properties", "train.tsv", "users.tsv")) {
      assertEquals(
          -1, Files.mismatch(dir.resolve("one").resolve(f), dir.resolve("two").resolve(f)), f);
    }
  }

  private void replaceLine(String file, int line, String text) throws IOException {
    Path p = dir.resolve(file);
    List<String> lines = new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
    lines.set(line - 1, text);
    Files.write(p, lines, StandardCharsets.UTF_8);
  }

  @Test
  void badFilesNameFileAndLine() throws IOException {
    Split s = new RandomSplitter(0.2, 4).split(data(true, true));
    SplitFiles.write(s, dir);
    replaceLine("test.tsv", 3, "user 1\titem-3\tfive\t1600000100");
    DataFormatException e = assertThrows(DataFormatException.class, () -> SplitFiles.read(dir));
    assertTrue(e.file().endsWith("test.tsv"), e.file());
    assertEquals(3, e.line());
    assertTrue(e.reason().contains("'five'"), e.reason());

    SplitFiles.write(s, dir);
    replaceLine("train.tsv", 2, "stranger\titem-3\t1.0\t1600000100");
    e = assertThrows(DataFormatException.class, () -> SplitFiles.read(dir));
    assertEquals(2, e.line());
    assertTrue(e.reason().contains("stranger"), e.reason());

    SplitFiles.write(s, dir);
    replaceLine("train.tsv", 4, "user 1\titem-3");
    e = assertThrows(DataFormatException.class, () -> SplitFiles.read(dir));
    assertTrue(e.reason().contains("4 tab-separated fields"), e.reason());

    SplitFiles.write(s, dir);
    replaceLine("items.tsv", 3, "item-0");
    e = assertThrows(DataFormatException.class, () -> SplitFiles.read(dir));
    assertTrue(e.file().endsWith("items.tsv") && e.line() == 3, e.getMessage());

    SplitFiles.write(s, dir);
    Files.delete(dir.resolve("foldin.tsv"));
    InputException missing = assertThrows(InputException.class, () -> SplitFiles.read(dir));
    assertTrue(missing.getMessage().contains("foldin.tsv"), missing.getMessage());
  }

  @Test
  void idsWithTabsAreRejected() {
    Interactions d = new Interactions.Builder().add("a\tb", "x").add("c", "y").build();
    Split s = Split.of("bad", d, d.select(new int[0]));
    InputException e = assertThrows(InputException.class, () -> SplitFiles.write(s, dir));
    assertTrue(e.getMessage().contains("a\\tb"), e.getMessage());
  }
}
