package dev.seer.data.io;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MovieLens 1M: {@code ratings.dat} {@code UserID::MovieID::Rating::Timestamp}, {@code movies.dat}
 * {@code MovieID::Title::Genres} and {@code users.dat} {@code UserID::Gender::Age::Occupation::Zip}
 * (ISO-8859-1), and the derived implicit pairs {@code derived/user_movie_pairs.tsv.gz} ({@code
 * UserID \t MovieID}).
 */
final class MovieLens1m {
  static final String PAIRS = "derived/user_movie_pairs.tsv.gz";

  private MovieLens1m() {}

  static ReadReport readRatings(Path file, ReadContext ctx) {
    return Delimited.read(
        file,
        Delimited.Separator.DOUBLE_COLON,
        StandardCharsets.ISO_8859_1,
        false,
        ctx,
        f -> {
          f.expectCount(4, "UserID::MovieID::Rating::Timestamp");
          float r = f.parseRating(2, 1f, 5f);
          long t = f.parseLong(3, "timestamp");
          ctx.addRow(f, 0, 1, r, t);
        });
  }

  /** Reads implicit {@code user \t item} pairs (no rating, no timestamp). */
  static ReadReport readPairs(Path file, ReadContext ctx) {
    return Delimited.read(
        file,
        Delimited.Separator.TAB,
        StandardCharsets.ISO_8859_1,
        false,
        ctx,
        f -> {
          f.expectCount(2, "user and item separated by a tab");
          ctx.addRow(f, 0, 1, Float.NaN, Interactions.NO_TIME);
        });
  }

  /**
   * Reads a 1M folder (ratings.dat, or the derived pairs when ratings.dat is missing), or a
   * ratings.dat file, plus movies.dat and users.dat beside it.
   */
  static void read(
      Path path, ReadContext ctx, ItemDrafts items, Map<String, Map<String, String>> users) {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    if (Files.isDirectory(path)) {
      Path ratings = path.resolve("ratings.dat");
      Path pairs = path.resolve(PAIRS);
      if (Files.isRegularFile(ratings)) {
        readRatings(ratings, ctx);
      } else if (Files.isRegularFile(pairs)) {
        readPairs(pairs, ctx);
        ctx.notes.add(
            "ratings.dat is missing, so the implicit pairs of "
                + PAIRS
                + " were read instead (no ratings, no timestamps)");
      } else {
        throw new InputException(
            "The folder "
                + path
                + " has neither ratings.dat nor "
                + PAIRS
                + "; add one of them or give another dataset.");
      }
    } else {
      readRatings(path, ctx);
    }
    readMetadata(dir, ctx, items, users);
  }

  /** Reads movies.dat and users.dat from a folder when they exist. */
  static void readMetadata(
      Path dir, ReadContext ctx, ItemDrafts items, Map<String, Map<String, String>> users) {
    if (dir == null) {
      return;
    }
    if (Files.isRegularFile(dir.resolve("movies.dat"))) {
      readMovies(dir.resolve("movies.dat"), ctx, items);
    }
    if (Files.isRegularFile(dir.resolve("users.dat"))) {
      readUsers(dir.resolve("users.dat"), ctx, users);
    }
  }

  static void readMovies(Path file, ReadContext ctx, ItemDrafts items) {
    Delimited.read(
        file,
        Delimited.Separator.DOUBLE_COLON,
        StandardCharsets.ISO_8859_1,
        false,
        ctx,
        f -> {
          f.expectCount(3, "MovieID::Title::Genres");
          f.requireId(0, "movie id");
          String id = f.text(0).strip();
          if (items.contains(id)) {
            throw new LineError("movie id " + id + " is listed twice");
          }
          ItemDrafts.Draft d = items.get(id);
          d.title = f.text(1).strip();
          d.categories = ItemDrafts.splitBars(f.text(2));
        });
  }

  static void readUsers(Path file, ReadContext ctx, Map<String, Map<String, String>> users) {
    Delimited.read(
        file,
        Delimited.Separator.DOUBLE_COLON,
        StandardCharsets.ISO_8859_1,
        false,
        ctx,
        f -> {
          f.expectCount(5, "UserID::Gender::Age::Occupation::Zip-code");
          f.requireId(0, "user id");
          long age = f.parseLong(2, "age code");
          long occupation = f.parseLong(3, "occupation code");
          String id = f.text(0).strip();
          if (users.containsKey(id)) {
            throw new LineError("user id " + id + " is listed twice");
          }
          Map<String, String> a = new LinkedHashMap<>();
          MovieLens100k.putIfPresent(a, "gender", f.text(1));
          a.put("age", Long.toString(age));
          a.put("occupation", Long.toString(occupation));
          MovieLens100k.putIfPresent(a, "zip", f.text(4));
          users.put(id, a);
        });
  }
}
