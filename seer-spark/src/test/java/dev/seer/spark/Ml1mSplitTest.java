package dev.seer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seer.api.Interactions;
import dev.seer.api.Split;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ErrorPolicy;
import dev.seer.data.split.RandomSplitter;
import dev.seer.testkit.SharedData;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** On the ML-1M derived pairs the Spark split is the single-machine split, pair for pair. */
class Ml1mSplitTest {
  @Test
  void sparkSplitEqualsSingleMachineSplit() {
    Path pairs = SharedData.path("movielens-1m/derived/user_movie_pairs.tsv.gz");
    Interactions all =
        DatasetReaders.read(pairs, "ml-1m-pairs", null, null).dataset().interactions();
    Split seer = new RandomSplitter(0.2, 42).split(all);
    Set<String> expected = new HashSet<>();
    for (int k = 0; k < seer.test().size(); k++) {
      Interactions t = seer.test();
      expected.add(t.users().id(t.user(k)) + "\t" + t.items().id(t.item(k)));
    }
    InputReader.Result r =
        InputReader.read(
            SparkTestSession.get(),
            InputSpec.tsv(pairs.toString(), false, false, ErrorPolicy.FAIL));
    assertEquals(1_000_209, r.summary().accepted());
    Dataset<Row> test =
        Prepare.split(r.rows(), 0.2, 42).filter("test = true").select("user", "item");
    Set<String> actual = new HashSet<>();
    for (Row row : test.collectAsList()) {
      actual.add(row.getString(0) + "\t" + row.getString(1));
    }
    assertEquals(seer.test().size(), actual.size());
    assertEquals(expected, actual);
  }
}
