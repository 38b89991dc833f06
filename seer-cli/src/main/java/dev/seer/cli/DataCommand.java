package dev.seer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code seer data}: the data tools. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Inspect, clean, split and generate interaction data.",
    subcommands = {
      DataInspectCommand.class,
      DataCleanCommand.class,
      DataSplitCommand.class,
      DataGenerateCommand.class
    })
public final class DataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Name a data command: inspect, clean, split or generate.");
  }
}
