package dev.seer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.Interactions;
import dev.seer.data.clean.Cleaning;
import dev.seer.data.clean.DedupPolicy;
import dev.seer.data.io.ColumnMapping;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ErrorPolicy;
import dev.seer.data.io.ReadOptions;
import dev.seer.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deduplication (first, last, mean) and the 5-core on Spark keep exactly the rows the
 * single-machine cleaning keeps, on MovieLens 100K with repeated pairs added: every 7th rating
 * again later with another value, every 11th again earlier, every 13th again at the same second (a
 * tie, decided by row order).
 */
class CleaningParityTest {
  @TempDir Path dir;

  @Test
  void dedupAndKCoreKeepTheSingleMachineRows() throws Exception {
    List<String> lines = Files.readAllLines(SharedData.movieLens100k().resolve("u.data"));
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (String line : lines) {
      out.append(line).append('\n');
      String[] f = line.split("\t");
      long t = Long.parseLong(f[3]);
      int r = Integer.parseInt(f[2]);
      int other = r % 5 + 1;
      if (n % 7 == 0) {
        out.append(f[0]).append('\t').append(f[1]).append('\t').append(other);
        out.append('\t').append(t + 1000).append('\n');
      }
      if (n % 11 == 0) {
        out.append(f[0]).append('\t').append(f[1]).append('\t').append(other);
        out.append('\t').append(t - 1000).append('\n');
      }
      if (n % 13 == 0) {
        out.append(f[0]).append('\t').append(f[1]).append('\t').append(other);
        out.append('\t').append(t).append('\n');
      }
      n++;
    }
    Path file = Files.writeString(dir.resolve("dup.tsv"), out);
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> read =
        InputReader.read(spark, InputSpec.tsv(file.toString(), true, true, ErrorPolicy.FAIL))
            .rows()
            .cache();
    Interactions one =
        DatasetReaders.readGeneric(
                file,
                new ColumnMapping(
                    ColumnMapping.Format.TSV, false, "0", "1", "2", "3", null, List.of()),
                ReadOptions.strict(),
                null)
            .dataset()
            .interactions();
    assertTrue(one.size() > 100_000, "duplicates added: " + one.size());
    for (DedupPolicy policy : DedupPolicy.values()) {
      Set<String> spark1 = RowSets.of(Prepare.kCore(Prepare.dedup(read, policy), 5, 5));
      Set<String> single =
          RowSets.of(Cleaning.pipeline().dedup(policy).kCore(5, 5).apply(one).interactions());
      assertEquals(single.size(), spark1.size(), policy.name());
      assertEquals(single, spark1, policy.name());
    }
  }
}
