package dev.seer.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RFC 4180 parser on hand-written records. */
class CsvRecordsTest {
  @TempDir Path dir;

  /** Parses every record of a text and returns the fields of each, with its first line. */
  private List<String> parse(String text) throws IOException {
    Path p = dir.resolve("t.csv");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    try (LineSource src = LineSource.open(p, null)) {
      CsvRecords csv = new CsvRecords(src, (byte) ',');
      Fields f = new Fields(StandardCharsets.UTF_8);
      while (src.next()) {
        csv.parse(f);
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < f.count(); i++) {
          fields.add(f.text(i));
        }
        out.add(csv.recordLine() + ":" + fields);
      }
    }
    return out;
  }

  @Test
  void quotesEscapesAndEmbeddedDelimiters() throws IOException {
    assertEquals(
        List.of(
            "1:[a, b, c]",
            "2:[x, y,z, ]",
            "3:[he said \"hi\", , \"]",
            "4:[, , ]",
            "5:[5\" screen, ok]",
            "6:[é, ü]"),
        parse(
            "a,b,c\nx,\"y,z\",\n\"he said \"\"hi\"\"\",\"\",\"\"\"\"\n,,\n5\" screen,ok\r\né,ü\n"));
  }

  @Test
  void quotedFieldsMaySpanLines() throws IOException {
    assertEquals(
        List.of("1:[1, two\nlines, 3]", "3:[4, 5, 6]"), parse("1,\"two\nlines\",3\n4,5,6\n"));
  }

  @Test
  void unclosedQuoteAndTextAfterQuoteAreErrors() throws IOException {
    LineError e = assertThrows(LineError.class, () -> parse("1,\"open\n2,3\n"));
    assertTrue(e.reason().contains("never closed"), e.reason());
    LineError e2 = assertThrows(LineError.class, () -> parse("1,\"a\"b,3\n"));
    assertTrue(e2.reason().contains("text after the closing quote of field 2"), e2.reason());
  }

  @Test
  void invalidUtf8IsReported() throws IOException {
    Path p = dir.resolve("latin.csv");
    Files.write(p, new byte[] {'M', 'i', 's', (byte) 0xE9, 'r', 'a', 'b', 'l', 'e', 's'});
    try (LineSource src = LineSource.open(p, null)) {
      assertTrue(src.next());
      Fields f = new Fields(StandardCharsets.UTF_8);
      new CsvRecords(src, (byte) ',').parse(f);
      LineError e = assertThrows(LineError.class, () -> f.text(0));
      assertTrue(e.reason().contains("not valid UTF-8"));
      assertFalse(src.next());
    }
  }

  @Test
  void numbersAreParsedByHand() throws IOException {
    Path p = dir.resolve("n.csv");
    Files.writeString(p, "4.5,-3,0.25,1e2,007,NaN,12abc\n");
    try (LineSource src = LineSource.open(p, null)) {
      assertTrue(src.next());
      Fields f = new Fields(StandardCharsets.UTF_8);
      f.split(src.buf(), src.start(), src.end(), (byte) ',');
      assertEquals(4.5f, f.parseFloat(0, "r"), 0f);
      assertEquals(-3L, f.parseLong(1, "t"));
      assertEquals(0.25f, f.parseFloat(2, "r"), 0f);
      assertEquals(100f, f.parseFloat(3, "r"), 0f);
      assertEquals(7L, f.parseLong(4, "t"));
      assertThrows(LineError.class, () -> f.parseFloat(5, "r"));
      assertThrows(LineError.class, () -> f.parseLong(6, "t"));
    }
  }
}
