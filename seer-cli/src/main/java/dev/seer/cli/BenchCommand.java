package dev.seer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seer bench}: benchmarks that write JSON results. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks whose results are written as JSON (see docs/benchmarks).",
    subcommands = {
      BenchRmseCommand.class,
      BenchModelsCommand.class,
      BenchColdStartCommand.class,
      BenchSentimentCommand.class,
      BenchReviewSignalsCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Name a benchmark: rmse, models, cold-start, sentiment or review-signals.");
  }
}
