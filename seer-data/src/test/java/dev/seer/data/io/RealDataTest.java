package dev.seer.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.Dataset;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.Split;
import dev.seer.testkit.SharedData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every reader on the real shared datasets; counts from shared/data/README.md. */
class RealDataTest {

  @Test
  void movieLens100kFolder() {
    ReadResult r = DatasetReaders.read(SharedData.movieLens100k(), null, null, null);
    Dataset d = r.dataset();
    Interactions x = d.interactions();
    assertEquals(100_000, x.size());
    assertEquals(943, x.numUsers());
    assertEquals(1_682, x.numItems());
    assertTrue(x.hasRatings());
    assertTrue(x.hasTimestamps());
    int[] perStar = new int[6];
    for (int k = 0; k < x.size(); k++) {
      perStar[(int) x.rating(k)]++;
    }
    assertEquals(
        List.of(6_110, 11_370, 27_145, 34_174, 21_201),
        List.of(perStar[1], perStar[2], perStar[3], perStar[4], perStar[5]));
    assertEquals(1_682, d.items().size());
    assertEquals(943, d.users().size());
    ItemInfo mis = d.items().get("543");
    assertEquals("Misérables, Les (1995)", mis.title());
    assertEquals(List.of("Drama", "Musical"), mis.categories());
    ItemInfo toy = d.items().get("1");
    assertEquals(List.of("Animation", "Children's", "Comedy"), toy.categories());
    assertEquals("24", d.users().get("1").get("age"));
    assertEquals("technician", d.users().get("1").get("occupation"));
    assertEquals("movielens-100k", d.name());
    ReadReport data = r.reports().get(0);
    assertTrue(data.source().endsWith("u.data"));
    assertEquals(100_000, data.lines());
    assertEquals(100_000, data.accepted());
    assertEquals(0, data.skipped());
  }

  @Test
  void movieLens100kSingleFileAndPredefinedSplit() {
    ReadResult r =
        DatasetReaders.read(SharedData.path("movielens-100k/u1.base"), "ml-100k", null, null);
    assertEquals(80_000, r.dataset().interactions().size());
    Split s =
        DatasetReaders.readPredefinedSplit(
            SharedData.path("movielens-100k/u1.base"),
            SharedData.path("movielens-100k/u1.test"),
            "ml-100k",
            ReadOptions.strict());
    assertEquals(80_000, s.train().size());
    assertEquals(20_000, s.test().size());
    assertSame(s.train().users(), s.test().users());
    assertSame(s.train().items(), s.test().items());
    assertEquals(943, s.train().numUsers());
    assertEquals(1_682, s.train().numItems());
    assertTrue(s.name().contains("u1.base") && s.name().contains("u1.test"));
    // The index is built over train rows first: every train id precedes every test-only id.
    Set<Integer> trainItems = new HashSet<>();
    for (int k = 0; k < s.train().size(); k++) {
      trainItems.add(s.train().item(k));
    }
    for (int i = 0; i < trainItems.size(); i++) {
      assertTrue(trainItems.contains(i));
    }
  }

  @Test
  void movieLensLatestSmall() {
    ReadResult r = DatasetReaders.read(SharedData.movieLensLatestSmall(), "ml-csv", null, null);
    Dataset d = r.dataset();
    assertEquals(100_836, d.interactions().size());
    assertEquals(610, d.interactions().numUsers());
    assertEquals(9_724, d.interactions().numItems());
    assertEquals(9_742, d.items().size());
    assertEquals("American President, The (1995)", d.items().get("11").title());
    assertEquals(List.of("Comedy", "Drama", "Romance"), d.items().get("11").categories());
    assertEquals(
        "City of Lost Children, The (Cité des enfants perdus, La) (1995)",
        d.items().get("29").title());
    assertEquals("11'09\"01 - September 11 (2002)", d.items().get("7789").title());
    assertTrue(d.items().get("60756").text().contains("Highly quotable"));
    assertEquals("0112346", d.items().get("11").attributes().get("imdbId"));
    float min = Float.MAX_VALUE;
    for (int k = 0; k < d.interactions().size(); k++) {
      min = Math.min(min, d.interactions().rating(k));
    }
    assertEquals(0.5f, min, 0f);
    assertEquals(4, r.reports().size());
    ReadReport ratings = r.reports().get(0);
    assertEquals(100_837, ratings.lines());
    assertEquals(100_836, ratings.accepted());
    assertEquals(1, ratings.ignored());
  }

  @Test
  void movieLens1mFolderFallsBackToPairs() {
    ReadResult r = DatasetReaders.read(SharedData.movieLens1m(), null, null, null);
    Dataset d = r.dataset();
    assertEquals(1_000_209, d.interactions().size());
    assertEquals(6_040, d.interactions().numUsers());
    assertEquals(3_706, d.interactions().numItems());
    assertFalse(d.interactions().hasRatings());
    assertFalse(d.interactions().hasTimestamps());
    assertEquals(3_883, d.items().size());
    assertEquals(6_040, d.users().size());
    assertEquals("Misérables, Les (1995)", d.items().get("73").title());
    assertEquals("F", d.users().get("1").get("gender"));
    ReadReport pairs = r.reports().get(0);
    assertTrue(pairs.source().endsWith("user_movie_pairs.tsv.gz"));
    assertTrue(pairs.summary().contains("ratings.dat is missing"), pairs.summary());
    // First and last rows as in ratings.dat.
    Interactions x = d.interactions();
    assertEquals("1", x.users().id(x.user(0)));
    assertEquals("1193", x.items().id(x.item(0)));
    assertEquals("6040", x.users().id(x.user(x.size() - 1)));
    assertEquals("1097", x.items().id(x.item(x.size() - 1)));
  }

  @Test
  void movieLens1mPairsFileIsDetectedByName() {
    java.nio.file.Path file = SharedData.path("movielens-1m/derived/user_movie_pairs.tsv.gz");
    long[] last = new long[3];
    ReadResult r =
        DatasetReaders.read(
            file,
            "auto",
            null,
            (task, done, total) -> {
              if (task.contains("user_movie_pairs")) {
                last[0]++;
                last[1] = done;
                last[2] = total;
              }
            });
    assertEquals(1_000_209, r.dataset().interactions().size());
    assertEquals(1_000_209, r.reports().get(0).accepted());
    // Progress is reported every 65,536 lines and at the end, in bytes of the file on disk.
    assertEquals(1_000_209 / 65_536 + 1, last[0]);
    assertEquals(2_559_338, last[2]);
    assertEquals(last[2], last[1]);
  }

  @Test
  void formatsAreListed() {
    assertEquals(
        List.of("ml-100k", "ml-csv", "ml-1m", "ml-1m-pairs", "amazon", "csv", "tsv", "jsonl"),
        DatasetReaders.formats());
  }

  @Test
  void amazonReviews() {
    ReadResult r = DatasetReaders.read(SharedData.amazonMusicalInstruments(), null, null, null);
    Interactions x = r.dataset().interactions();
    assertEquals(10_261, x.size());
    assertEquals(1_429, x.numUsers());
    assertEquals(900, x.numItems());
    int fives = 0;
    for (int k = 0; k < x.size(); k++) {
      if (x.rating(k) == 5f) {
        fives++;
      }
    }
    assertEquals(6_938, fives);
    ItemInfo first = r.dataset().items().get("1384719342");
    assertTrue(first.text().contains("filters out the pop sounds"));
    assertTrue(first.text().length() <= ItemDrafts.MAX_TEXT);
    long capped =
        r.dataset().items().values().stream()
            .filter(i -> i.text().length() == ItemDrafts.MAX_TEXT)
            .count();
    assertTrue(capped > 0);
    assertTrue(
        r.reports().get(0).summary().contains(capped + " items had their aggregated text cut"),
        r.reports().get(0).summary());
    assertEquals("Jake", r.dataset().users().get("A14VAT5EAX3D9S").get("name"));
    assertEquals(1393545600L, x.timestamp(0));
    // The same file found through its folder.
    ReadResult viaFolder =
        DatasetReaders.read(
            SharedData.path("amazon-2014-musical-instruments-5core"), null, null, null);
    assertEquals(10_261, viaFolder.dataset().interactions().size());
    assertEquals(0, viaFolder.skipped());
  }
}
