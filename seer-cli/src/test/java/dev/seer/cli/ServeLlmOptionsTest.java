package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.text.explain.LlmOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code seer serve}'s LLM options become the server's {@link LlmOptions}. */
class ServeLlmOptionsTest {
  private static ServeCommand parse(String... args) {
    ServeCommand c = new ServeCommand();
    new CommandLine(c).parseArgs(args);
    return c;
  }

  @Test
  void optionsBecomeSettingsWithSafeDefaults() {
    LlmOptions o =
        parse(
                "--llm-url",
                "http://127.0.0.1:9/v1",
                "--llm-model",
                "tiny",
                "--llm-key-env",
                "SEER_TEST_NO_SUCH_VARIABLE",
                "--llm-timeout-ms",
                "250",
                "--llm-calls-per-minute",
                "7")
            .llmOptions();
    assertEquals("tiny", o.model());
    assertEquals(Duration.ofMillis(250), o.timeout());
    assertEquals(7, o.callsPerMinute());
    assertEquals("", o.apiKey());
    assertFalse(o.allowPersonalData(), "personal data is off unless asked for");
    assertTrue(
        parse("--llm-url", "http://h/v1", "--llm-model", "m", "--llm-personal-data")
            .llmOptions()
            .allowPersonalData());
  }

  @Test
  void noEndpointMeansNoLlmAndHalfAnEndpointIsRefused() {
    if (System.getenv("SEER_LLM_URL") == null && System.getenv("SEER_LLM_MODEL") == null) {
      assertNull(parse().llmOptions());
    }
    InputException e =
        assertThrows(InputException.class, () -> parse("--llm-url", "http://h/v1").llmOptions());
    assertTrue(e.getMessage().contains("--llm-model"), e.getMessage());
    assertThrows(
        InputException.class,
        () -> parse("--llm-url", "ftp://h/v1", "--llm-model", "m").llmOptions());
  }
}
