package dev.seer.cli;

import dev.seer.api.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code seer} command. Exit codes: 0 success, 2 bad usage or input (one
 * message, no stack trace), 1 internal error.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command line.
   *
   * @param args arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line without exiting.
   *
   * @param args arguments
   * @return the exit code
   */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * Builds the configured picocli command line.
   *
   * @return the command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SeerCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          PrintWriter err = line.getErr();
          Throwable cause = ex;
          while (!(cause instanceof InputException)
              && cause.getCause() != null
              && cause.getCause() != cause) {
            cause = cause.getCause();
          }
          if (cause instanceof InputException) {
            err.println("seer: " + cause.getMessage());
            err.flush();
            return 2;
          }
          err.println(
              "seer: internal error (this is a bug; please report it with the trace below)");
          ex.printStackTrace(err);
          err.flush();
          return 1;
        });
    return cl;
  }
}
