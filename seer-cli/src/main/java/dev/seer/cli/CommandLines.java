package dev.seer.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Reconstructs the command line a command was started with, for reports and benchmarks. */
final class CommandLines {
  private CommandLines() {}

  /**
   * Returns {@code ./seer} followed by the original arguments, quoted where needed.
   *
   * @param spec the running command's spec
   * @return the command line
   */
  static String of(CommandSpec spec) {
    CommandSpec root = spec;
    while (root.parent() != null) {
      root = root.parent();
    }
    ParseResult pr = root.commandLine().getParseResult();
    List<String> parts = new ArrayList<>();
    parts.add("./seer");
    if (pr != null) {
      for (String a : pr.originalArgs()) {
        parts.add(a.matches("[A-Za-z0-9_./:=,@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
      }
    }
    return String.join(" ", parts);
  }
}
