package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.ItemInfo;
import dev.seer.api.ModelFiles;
import dev.seer.api.SavedModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** A saved model, and optionally a dataset to show item titles from. */
final class ModelOptions {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "Model file written by 'seer train'.")
  Path model;

  @Option(
      names = "--titles",
      paramLabel = "PATH",
      description = "Dataset to take item titles from (optional).")
  Path titles;

  SavedModel load() {
    return ModelFiles.load(model);
  }

  Map<String, ItemInfo> itemInfo(CliProgress progress, PrintStream out) {
    if (titles == null) {
      return Map.of();
    }
    DataOptions d = new DataOptions();
    d.data = titles;
    d.format = "auto";
    d.onError = dev.seer.data.io.ErrorPolicy.FAIL;
    Dataset ds = d.read(progress, new PrintStream(PrintStream.nullOutputStream()));
    return ds.items();
  }
}
