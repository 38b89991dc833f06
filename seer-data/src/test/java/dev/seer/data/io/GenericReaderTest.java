package dev.seer.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.DataFormatException;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generic CSV/TSV/JSON-lines reading through column mappings, and gzip transparency. */
class GenericReaderTest {
  @TempDir Path dir;

  private static final String CSV =
      "when,who,what,stars,genre,review\n"
          + "2020-01-02,u1,i1,4,rock,\"loud, fun\"\n"
          + "1577923200,u2,i1,2,pop,meh\n"
          + "2020-01-02T00:00:00Z,u1,i2,5,,\n";

  @Test
  void csvByHeaderName() throws IOException {
    Path f = dir.resolve("events.csv");
    Files.writeString(f, CSV);
    ColumnMapping m =
        ColumnMapping.parse(
            ColumnMapping.Format.CSV,
            true,
            "user=who,item=what,rating=stars,timestamp=when,text=review,attr=genre");
    ReadResult r = DatasetReaders.readGeneric(f, m, ReadOptions.strict(), null);
    Interactions x = r.dataset().interactions();
    assertEquals(3, x.size());
    assertEquals(2, x.numUsers());
    assertEquals(2, x.numItems());
    assertEquals(4f, x.rating(0), 0f);
    // 2020-01-02 UTC = 1577923200 Unix seconds, in all three spellings.
    assertEquals(1577923200L, x.timestamp(0));
    assertEquals(1577923200L, x.timestamp(1));
    assertEquals(1577923200L, x.timestamp(2));
    assertEquals("loud, fun\nmeh", r.dataset().items().get("i1").text());
    assertEquals("rock", r.dataset().items().get("i1").attributes().get("genre"));
    assertFalse(r.dataset().items().get("i2").attributes().containsKey("genre"));
    assertEquals(4, r.reports().get(0).lines());
    assertEquals(3, r.reports().get(0).accepted());
    assertEquals("events", r.dataset().name());
  }

  @Test
  void tsvByPositionWithoutHeader() throws IOException {
    Path f = dir.resolve("x.tsv");
    Files.writeString(f, "5\tu1\ti1\n3\tu2\ti2\n1\tu1\n");
    ColumnMapping m =
        ColumnMapping.parse(ColumnMapping.Format.TSV, false, "user=1,item=2,rating=0");
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> DatasetReaders.readGeneric(f, m, ReadOptions.strict(), null));
    assertEquals(3, e.line());
    assertEquals(f.toString(), e.file());
    ReadResult r = DatasetReaders.readGeneric(f, m, ReadOptions.skipping(), null);
    assertEquals(2, r.dataset().interactions().size());
    assertEquals(3f, r.dataset().interactions().rating(1), 0f);
    assertEquals(1, r.reports().get(0).skipped());
    assertFalse(r.dataset().interactions().hasTimestamps());
  }

  @Test
  void jsonLinesByFieldName() throws IOException {
    Path f = dir.resolve("e.jsonl");
    Files.writeString(
        f,
        "{\"u\":\"a\",\"i\":1,\"r\":2.5,\"extra\":{\"x\":[1,2]}}\n"
            + "{\"u\":\"b\",\"i\":2,\"r\":null}\n"
            + "{\"u\":\"c\",\"i\":[3]}\n");
    ColumnMapping m =
        ColumnMapping.parse(ColumnMapping.Format.JSONL, false, "user=u,item=i,rating=r");
    ReadResult r = DatasetReaders.readGeneric(f, m, ReadOptions.skipping(), null);
    Interactions x = r.dataset().interactions();
    assertEquals(2, x.size());
    assertEquals(2.5f, x.rating(0), 0f);
    // A row without a rating among rated rows gets 1, as Interactions.Builder documents.
    assertEquals(1f, x.rating(1), 0f);
    assertEquals("1", x.items().id(0));
    assertEquals(1, r.reports().get(0).skipped());
    assertTrue(r.reports().get(0).examples().get(0).contains(":3: field 'i' is an array"));
  }

  @Test
  void gzipIsDetectedByMagicBytesNotName() throws IOException {
    Path plain = dir.resolve("events.csv");
    Files.writeString(plain, CSV);
    Path disguised = dir.resolve("disguised.csv");
    Files.write(disguised, CorruptInputTest.gzip(CSV.getBytes(StandardCharsets.UTF_8)));
    ColumnMapping m =
        ColumnMapping.parse(ColumnMapping.Format.CSV, true, "user=who,item=what,rating=stars");
    Interactions a = DatasetReaders.readGeneric(plain, m, null, null).dataset().interactions();
    Interactions b = DatasetReaders.readGeneric(disguised, m, null, null).dataset().interactions();
    assertEquals(a.fingerprint(), b.fingerprint());
    // And the built-in readers, too: u.data gzip-compressed under its plain name.
    Path ml = dir.resolve("ml");
    Files.createDirectories(ml);
    Files.write(
        ml.resolve("u.data"),
        CorruptInputTest.gzip("1\t2\t3\t4\n5\t6\t1\t8\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(2, DatasetReaders.read(ml, null, null, null).dataset().interactions().size());
  }

  @Test
  void builtInCsvAndTsvGuessColumns() throws IOException {
    Path f = dir.resolve("r.csv");
    Files.writeString(f, "userId,itemId,rating\n1,2,3\n");
    Interactions a = DatasetReaders.read(f, null, null, null).dataset().interactions();
    assertEquals(1, a.size());
    assertEquals(3f, a.rating(0), 0f);
    Path t = dir.resolve("r.tsv");
    Files.writeString(t, "7\t8\t4.5\t100\n");
    Interactions b = DatasetReaders.read(t, "tsv", null, null).dataset().interactions();
    assertEquals(4.5f, b.rating(0), 0f);
    assertEquals(100L, b.timestamp(0));
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "a,b,c\n1,2,3\n");
    InputException e =
        assertThrows(InputException.class, () -> DatasetReaders.read(bad, null, null, null));
    assertTrue(e.getMessage().contains("--columns"), e.getMessage());
  }

  @Test
  void mappingParseAndValidation() {
    ColumnMapping m =
        ColumnMapping.parse(
            ColumnMapping.Format.CSV,
            true,
            "user=userId, item=movieId,rating=rating,timestamp=timestamp,text=review,attr=genre,"
                + "attr=year");
    assertEquals(
        new ColumnMapping(
            ColumnMapping.Format.CSV,
            true,
            "userId",
            "movieId",
            "rating",
            "timestamp",
            "review",
            List.of("genre", "year")),
        m);
    assertThrows(
        InputException.class,
        () -> ColumnMapping.parse(ColumnMapping.Format.CSV, true, "user=a,colour=b,item=c"));
    assertThrows(
        InputException.class, () -> ColumnMapping.parse(ColumnMapping.Format.CSV, true, "user=a"));
    assertThrows(
        InputException.class,
        () -> ColumnMapping.parse(ColumnMapping.Format.TSV, false, "user=name,item=1"));
    assertThrows(
        InputException.class, () -> ColumnMapping.parse(ColumnMapping.Format.CSV, true, "user"));
  }

  @Test
  void headerColumnMissingNamesTheHeader() throws IOException {
    Path f = dir.resolve("h.csv");
    Files.writeString(f, "a,b\n1,2\n");
    ColumnMapping m = ColumnMapping.parse(ColumnMapping.Format.CSV, true, "user=a,item=item");
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> DatasetReaders.readGeneric(f, m, null, null));
    assertEquals(1, e.line());
    assertTrue(e.reason().contains("no column 'item' (it has: a, b)"), e.reason());
  }

  @Test
  void readOptionsValidate() {
    assertEquals(ErrorPolicy.FAIL, ReadOptions.strict().onError());
    assertEquals(5, ReadOptions.skipping().maxExamples());
    assertThrows(InputException.class, () -> new ReadOptions(ErrorPolicy.SKIP, -1));
    assertThrows(InputException.class, () -> new ReadOptions(null, 5));
  }
}
