package dev.seer.data.io;

import dev.seer.api.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MovieLens 100K: {@code u.data} (and {@code u1.base}-style files) {@code user \t item \t rating \t
 * timestamp}; {@code u.item} (ISO-8859-1, pipe-separated, 19 genre flags named by {@code u.genre});
 * {@code u.user} (age, gender, occupation, zip).
 */
final class MovieLens100k {
  static final int GENRES = 19;

  private MovieLens100k() {}

  /** Reads rating rows from a {@code u.data}-style file into the context. */
  static ReadReport readRatings(Path file, ReadContext ctx) {
    return Delimited.read(
        file,
        Delimited.Separator.TAB,
        StandardCharsets.ISO_8859_1,
        false,
        ctx,
        f -> {
          f.expectCount(4, "user, item, rating, timestamp separated by tabs");
          float r = f.parseRating(2, 1f, 5f);
          long t = f.parseLong(3, "timestamp");
          ctx.addRow(f, 0, 1, r, t);
        });
  }

  /**
   * Reads a folder (or one ratings file whose folder may hold u.item, u.user, u.genre).
   *
   * @param path the folder or a ratings file
   * @param ctx the context
   * @param items receives the movies
   * @param users receives user attributes
   */
  static void read(
      Path path, ReadContext ctx, ItemDrafts items, Map<String, Map<String, String>> users) {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Path ratings = Files.isDirectory(path) ? path.resolve("u.data") : path;
    if (!Files.isRegularFile(ratings)) {
      throw new InputException(
          "The folder "
              + path
              + " has no u.data; give a MovieLens 100K folder or a u.data/u1.base file.");
    }
    readRatings(ratings, ctx);
    if (dir == null) {
      return;
    }
    Path uItem = dir.resolve("u.item");
    if (Files.isRegularFile(uItem)) {
      Path uGenre = dir.resolve("u.genre");
      List<String> genres = Files.isRegularFile(uGenre) ? readGenres(uGenre, ctx) : null;
      readItems(uItem, genres, ctx, items);
    }
    Path uUser = dir.resolve("u.user");
    if (Files.isRegularFile(uUser)) {
      readUsers(uUser, ctx, users);
    }
  }

  /** Reads {@code u.genre} ({@code name|index}) into a list indexed by flag position. */
  static List<String> readGenres(Path file, ReadContext ctx) {
    Map<Integer, String> byIndex = new HashMap<>();
    Delimited.read(
        file,
        Delimited.Separator.PIPE,
        StandardCharsets.ISO_8859_1,
        false,
        ctx,
        f -> {
          f.expectCount(2, "genre name and index separated by |");
          long idx = f.parseLong(1, "genre index");
          if (idx < 0 || idx >= GENRES) {
            throw new LineError("genre index " + idx + " is outside 0.." + (GENRES - 1));
          }
          if (byIndex.putIfAbsent((int) idx, f.text(0).strip()) != null) {
            throw new LineError("genre index " + idx + " is listed twice");
          }
        });
    List<String> out = new ArrayList<>();
    for (int i = 0; i < GENRES; i++) {
      out.add(byIndex.getOrDefault(i, "genre" + i));
    }
    return out;
  }

  /** Reads {@code u.item}. */
  static void readItems(Path file, List<String> genres, ReadContext ctx, ItemDrafts items) {
    ReadReport rep =
        Delimited.read(
            file,
            Delimited.Separator.PIPE,
            StandardCharsets.ISO_8859_1,
            false,
            ctx,
            f -> {
              f.expectCount(5 + GENRES, "id|title|release|video release|IMDb URL|19 genre flags");
              f.requireId(0, "movie id");
              List<String> cats = new ArrayList<>();
              for (int g = 0; g < GENRES; g++) {
                int k = 5 + g;
                if (f.length(k) != 1
                    || (f.data[f.starts[k]] != '0' && f.data[f.starts[k]] != '1')) {
                  throw new LineError(
                      "genre flag " + f.quote(k) + " (field " + (k + 1) + ") must be 0 or 1");
                }
                if (f.data[f.starts[k]] == '1') {
                  cats.add(genres == null ? "genre" + g : genres.get(g));
                }
              }
              String id = f.text(0).strip();
              if (items.contains(id)) {
                throw new LineError("movie id " + id + " is listed twice");
              }
              ItemDrafts.Draft d = items.get(id);
              d.title = f.text(1).strip();
              d.categories = cats;
              putIfPresent(d.attributes, "releaseDate", f.text(2));
              putIfPresent(d.attributes, "videoReleaseDate", f.text(3));
              putIfPresent(d.attributes, "imdbUrl", f.text(4));
            });
    if (genres == null && rep.accepted() > 0) {
      ctx.notes.add("u.genre is missing, so genres are named genre0..genre18");
    }
  }

  /** Reads {@code u.user}. */
  static void readUsers(Path file, ReadContext ctx, Map<String, Map<String, String>> users) {
    Delimited.read(
        file,
        Delimited.Separator.PIPE,
        StandardCharsets.ISO_8859_1,
        false,
        ctx,
        f -> {
          f.expectCount(5, "id|age|gender|occupation|zip");
          f.requireId(0, "user id");
          long age = f.parseLong(1, "age");
          String id = f.text(0).strip();
          if (users.containsKey(id)) {
            throw new LineError("user id " + id + " is listed twice");
          }
          Map<String, String> a = new LinkedHashMap<>();
          a.put("age", Long.toString(age));
          putIfPresent(a, "gender", f.text(2));
          putIfPresent(a, "occupation", f.text(3));
          putIfPresent(a, "zip", f.text(4));
          users.put(id, a);
        });
  }

  static void putIfPresent(Map<String, String> m, String key, String value) {
    String v = value.strip();
    if (!v.isEmpty()) {
      m.put(key, v);
    }
  }
}
