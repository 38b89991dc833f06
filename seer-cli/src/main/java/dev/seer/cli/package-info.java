/** The {@code seer} command line: one class per subcommand. */
package dev.seer.cli;
