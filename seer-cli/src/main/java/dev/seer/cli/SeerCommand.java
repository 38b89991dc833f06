package dev.seer.cli;

import dev.seer.api.SeerVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code seer} command. */
@Command(
    name = "seer",
    mixinStandardHelpOptions = true,
    versionProvider = SeerCommand.Version.class,
    description = "Seer: train, evaluate and serve recommendation models.",
    subcommands = {
      DataCommand.class,
      EvaluateCommand.class,
      TrainCommand.class,
      RecommendCommand.class,
      AskCommand.class,
      ReviewsCommand.class,
      ExplainCommand.class,
      ExportRecsCommand.class,
      DemoCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      TuneCommand.class,
      picocli.CommandLine.HelpCommand.class
    })
public final class SeerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Name a command; try 'seer --help'.");
  }

  /** Reports the Seer version. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"seer " + SeerVersion.get(), "Java " + Runtime.version()};
    }
  }
}
