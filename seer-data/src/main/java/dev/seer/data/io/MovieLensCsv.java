package dev.seer.data.io;

import dev.seer.api.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MovieLens CSV releases (latest-small, 25M, 32M): {@code ratings.csv} {@code
 * userId,movieId,rating,timestamp}; {@code movies.csv} {@code movieId,title,genres} with {@code |}
 * genres; {@code tags.csv} (distinct tags per movie become the movie's text); {@code links.csv}
 * (IMDb and TMDB ids as attributes). UTF-8, RFC 4180 quoting, one header row.
 */
final class MovieLensCsv {
  private static final String NO_GENRES = "(no genres listed)";

  private MovieLensCsv() {}

  /** Reads rating rows from a {@code ratings.csv}-style file into the context. */
  static ReadReport readRatings(Path file, ReadContext ctx) {
    int[] col = new int[4];
    return Delimited.read(
        file,
        Delimited.Separator.CSV,
        StandardCharsets.UTF_8,
        true,
        ctx,
        new Delimited.RowHandler() {
          @Override
          public void header(Fields f) {
            col[0] = Delimited.requireColumn(f, "userId");
            col[1] = Delimited.requireColumn(f, "movieId");
            col[2] = Delimited.requireColumn(f, "rating");
            col[3] = Delimited.column(f, "timestamp");
          }

          @Override
          public void row(Fields f) {
            f.expectAtLeast(
                Math.max(Math.max(col[0], col[1]), Math.max(col[2], col[3])) + 1,
                "userId,movieId,rating,timestamp");
            float r = f.parseRating(col[2], 0.5f, 5f);
            long t =
                col[3] < 0 ? dev.seer.api.Interactions.NO_TIME : f.parseLong(col[3], "timestamp");
            ctx.addRow(f, col[0], col[1], r, t);
          }
        });
  }

  /** Reads a folder, or a ratings.csv whose folder may hold movies.csv, tags.csv, links.csv. */
  static void read(Path path, ReadContext ctx, ItemDrafts items) {
    Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Path ratings = Files.isDirectory(path) ? path.resolve("ratings.csv") : path;
    if (!Files.isRegularFile(ratings)) {
      throw new InputException(
          "The folder "
              + path
              + " has no ratings.csv; give a MovieLens CSV folder or ratings.csv.");
    }
    readRatings(ratings, ctx);
    if (dir == null) {
      return;
    }
    if (Files.isRegularFile(dir.resolve("movies.csv"))) {
      readMovies(dir.resolve("movies.csv"), ctx, items);
    }
    if (Files.isRegularFile(dir.resolve("tags.csv"))) {
      readTags(dir.resolve("tags.csv"), ctx, items);
    }
    if (Files.isRegularFile(dir.resolve("links.csv"))) {
      readLinks(dir.resolve("links.csv"), ctx, items);
    }
  }

  static void readMovies(Path file, ReadContext ctx, ItemDrafts items) {
    int[] col = new int[3];
    Delimited.read(
        file,
        Delimited.Separator.CSV,
        StandardCharsets.UTF_8,
        true,
        ctx,
        new Delimited.RowHandler() {
          @Override
          public void header(Fields f) {
            col[0] = Delimited.requireColumn(f, "movieId");
            col[1] = Delimited.requireColumn(f, "title");
            col[2] = Delimited.column(f, "genres");
          }

          @Override
          public void row(Fields f) {
            f.expectCount(Math.max(col[0], Math.max(col[1], col[2])) + 1, "movieId,title,genres");
            f.requireId(col[0], "movie id");
            String id = f.text(col[0]).strip();
            if (items.contains(id)) {
              throw new LineError("movie id " + id + " is listed twice");
            }
            String title = f.text(col[1]).strip();
            List<String> genres = List.of();
            if (col[2] >= 0) {
              String g = f.text(col[2]).strip();
              genres = g.equals(NO_GENRES) ? List.of() : ItemDrafts.splitBars(g);
            }
            ItemDrafts.Draft d = items.get(id);
            d.title = title;
            d.categories = genres;
          }
        });
  }

  static void readTags(Path file, ReadContext ctx, ItemDrafts items) {
    int[] col = new int[2];
    Map<String, Set<String>> tags = new LinkedHashMap<>();
    Delimited.read(
        file,
        Delimited.Separator.CSV,
        StandardCharsets.UTF_8,
        true,
        ctx,
        new Delimited.RowHandler() {
          @Override
          public void header(Fields f) {
            col[0] = Delimited.requireColumn(f, "movieId");
            col[1] = Delimited.requireColumn(f, "tag");
          }

          @Override
          public void row(Fields f) {
            f.expectAtLeast(Math.max(col[0], col[1]) + 1, "userId,movieId,tag,timestamp");
            f.requireId(col[0], "movie id");
            String tag = f.text(col[1]).strip();
            if (tag.isEmpty()) {
              throw new LineError("empty tag (field " + (col[1] + 1) + ")");
            }
            tags.computeIfAbsent(f.text(col[0]).strip(), k -> new LinkedHashSet<>()).add(tag);
          }
        });
    for (Map.Entry<String, Set<String>> e : tags.entrySet()) {
      items.appendText(e.getKey(), String.join(", ", e.getValue()), ", ");
    }
  }

  static void readLinks(Path file, ReadContext ctx, ItemDrafts items) {
    int[] col = new int[3];
    Delimited.read(
        file,
        Delimited.Separator.CSV,
        StandardCharsets.UTF_8,
        true,
        ctx,
        new Delimited.RowHandler() {
          @Override
          public void header(Fields f) {
            col[0] = Delimited.requireColumn(f, "movieId");
            col[1] = Delimited.column(f, "imdbId");
            col[2] = Delimited.column(f, "tmdbId");
          }

          @Override
          public void row(Fields f) {
            f.expectAtLeast(
                Math.max(col[0], Math.max(col[1], col[2])) + 1, "movieId,imdbId,tmdbId");
            f.requireId(col[0], "movie id");
            ItemDrafts.Draft d = items.get(f.text(col[0]).strip());
            if (col[1] >= 0) {
              MovieLens100k.putIfPresent(d.attributes, "imdbId", f.text(col[1]));
            }
            if (col[2] >= 0) {
              MovieLens100k.putIfPresent(d.attributes, "tmdbId", f.text(col[2]));
            }
          }
        });
  }
}
