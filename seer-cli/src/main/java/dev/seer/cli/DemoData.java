package dev.seer.cli;

import dev.seer.api.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds MovieLens latest-small for the demo: a local cache under {@code ~/.cache/seer}, then a
 * {@code shared/data} folder beside the repository, then a download of the official GroupLens zip
 * whose files are checked against known SHA-256 digests.
 */
final class DemoData {
  static final String URL = "https://files.grouplens.org/datasets/movielens/ml-latest-small.zip";

  /** SHA-256 of the files of the September 2018 build (see shared/data/README.md). */
  static final Map<String, String> SHA256 =
      Map.of(
          "ratings.csv", "aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646",
          "movies.csv", "5a5f32dd9bb3797b8e728a1b98958789d2b13f294a69fdfbc5727f8a9611aa07",
          "tags.csv", "92a9f8bb7916dceef6151209845788c3643f794dfa79d1feaec7121b5960399d");

  private DemoData() {}

  /** Where a found dataset came from. */
  record Found(Path folder, String source) {}

  static Path cacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("seer").resolve("ml-latest-small");
  }

  static List<Path> sharedCandidates() {
    List<Path> c = new ArrayList<>();
    String home = System.getProperty("seer.home");
    if (home != null) {
      c.add(Path.of(home).resolve("../shared/data/movielens-latest-small").normalize());
    }
    Path cwd = Path.of("").toAbsolutePath();
    c.add(cwd.resolve("../shared/data/movielens-latest-small").normalize());
    c.add(cwd.resolve("shared/data/movielens-latest-small").normalize());
    return c;
  }

  static Found locate(boolean allowDownload, PrintStream out) {
    Path cache = cacheDir();
    if (Files.isRegularFile(cache.resolve("ratings.csv"))) {
      return new Found(cache, "local cache");
    }
    for (Path p : sharedCandidates()) {
      if (Files.isRegularFile(p.resolve("ratings.csv"))) {
        return new Found(p, "shared datasets folder");
      }
    }
    List<String> tried = new ArrayList<>();
    tried.add(cache.toString());
    sharedCandidates().forEach(p -> tried.add(p.toString()));
    if (allowDownload) {
      try {
        download(cache, out);
        return new Found(cache, "downloaded from GroupLens");
      } catch (IOException | InputException e) {
        tried.add(URL + " (" + e.getMessage() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        tried.add(URL + " (interrupted)");
      }
    }
    throw new InputException(
        "MovieLens latest-small was not found (looked in: "
            + String.join(", ", tried)
            + "); download ml-latest-small.zip from grouplens.org, unzip it and pass --data DIR.");
  }

  static void download(Path target, PrintStream out) throws IOException, InterruptedException {
    out.println("downloading " + URL + " ...");
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(URL)).timeout(Duration.ofSeconds(120)).build();
    Path zip = Files.createTempFile("ml-latest-small", ".zip");
    Path staging = Files.createTempDirectory("ml-latest-small");
    try {
      HttpResponse<Path> resp = client.send(req, HttpResponse.BodyHandlers.ofFile(zip));
      if (resp.statusCode() != 200) {
        throw new IOException("HTTP status " + resp.statusCode());
      }
      try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
          String name = Path.of(e.getName()).getFileName().toString();
          if (!e.isDirectory() && name.endsWith(".csv")) {
            Files.copy(z, staging.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      for (Map.Entry<String, String> want : SHA256.entrySet()) {
        Path f = staging.resolve(want.getKey());
        if (!Files.isRegularFile(f)) {
          throw new IOException("the zip has no " + want.getKey());
        }
        String got = sha256(f);
        if (!got.equals(want.getValue())) {
          throw new IOException(
              want.getKey()
                  + " has SHA-256 "
                  + got
                  + ", expected "
                  + want.getValue()
                  + " (a different build)");
        }
      }
      Files.createDirectories(target);
      try (var files = Files.list(staging)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      out.println("checked SHA-256 and cached the data in " + target);
    } finally {
      Files.deleteIfExists(zip);
      try (var left = Files.list(staging)) {
        for (Path f : (Iterable<Path>) left::iterator) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(staging);
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
