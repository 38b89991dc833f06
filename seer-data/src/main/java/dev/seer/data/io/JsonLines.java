package dev.seer.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines (one object per line) with Jackson's streaming parser. The top-level fields
 * named in {@code slots} are copied, as UTF-8 text, into a {@link Fields} whose field {@code k} is
 * slot {@code k}; other fields are skipped. A slot whose field is absent or {@code null} is marked
 * absent.
 */
final class JsonLines {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Map<String, Integer> slots = new HashMap<>();
  private final String[] names;
  private final boolean[] present;
  private byte[] scratch = new byte[1 << 12];
  private int used;

  JsonLines(List<String> slotNames) {
    names = slotNames.toArray(new String[0]);
    for (int k = 0; k < names.length; k++) {
      slots.putIfAbsent(names[k], k);
    }
    present = new boolean[names.length];
  }

  boolean present(int slot) {
    return present[slot];
  }

  /** Receives each parsed line. */
  interface Handler {
    void row(Fields f, JsonLines json);
  }

  static ReadReport read(Path file, List<String> slotNames, ReadContext ctx, Handler handler) {
    JsonLines json = new JsonLines(slotNames);
    ReportCollector r = new ReportCollector(file.toString(), ctx.options);
    Fields f = new Fields(StandardCharsets.UTF_8);
    try (LineSource src = LineSource.open(file, ctx.progress)) {
      while (src.next()) {
        if (src.isBlank()) {
          r.ignored++;
          continue;
        }
        try {
          json.parse(src.buf(), src.start(), src.end() - src.start(), f);
          handler.row(f, json);
          r.accepted++;
        } catch (LineError e) {
          r.error(src.lineNumber(), e.reason());
        }
      }
      r.lines = src.lineNumber();
    }
    ReadReport report = r.build();
    ctx.reports.add(report);
    return report;
  }

  /** Parses one line into {@code out}; throws {@link LineError} for bad JSON. */
  void parse(byte[] buf, int off, int len, Fields out) {
    Arrays.fill(present, false);
    used = 0;
    String[] values = new String[names.length];
    try (JsonParser p = FACTORY.createParser(buf, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new LineError("bad JSON: expected an object {...} on each line");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        Integer slot = slots.get(name);
        if (slot == null) {
          p.skipChildren();
          continue;
        }
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          throw new LineError(
              "field '"
                  + name
                  + "' is "
                  + (v == JsonToken.START_OBJECT ? "an object" : "an array")
                  + " but a single value is needed");
        }
        if (v != JsonToken.VALUE_NULL) {
          values[slot] = p.getText();
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new LineError("bad JSON: the object is not closed");
      }
      if (p.nextToken() != null) {
        throw new LineError("bad JSON: text after the end of the object");
      }
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      int cut = msg.indexOf('\n');
      if (cut > 0) {
        msg = msg.substring(0, cut);
      }
      long col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      throw new LineError("bad JSON" + (col > 0 ? " at column " + col : "") + ": " + msg);
    } catch (IOException e) {
      throw new LineError("bad JSON: " + e.getMessage());
    }
    out.clear(scratch);
    for (int k = 0; k < names.length; k++) {
      int s = used;
      if (values[k] != null) {
        present[k] = true;
        byte[] b = values[k].getBytes(StandardCharsets.UTF_8);
        if (used + b.length > scratch.length) {
          scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, used + b.length));
        }
        System.arraycopy(b, 0, scratch, used, b.length);
        used += b.length;
      }
      out.data = scratch;
      out.add(s, used);
    }
  }

  String name(int slot) {
    return names[slot];
  }
}
