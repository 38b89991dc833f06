package dev.seer.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
  @TempDir Path dir;

  @Test
  void rejectsMissingAndForeignFiles() throws IOException {
    InputException missing =
        assertThrows(InputException.class, () -> ModelFiles.load(dir.resolve("none.seer")));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    Path foreign = Files.writeString(dir.resolve("x.seer"), "hello, not a model");
    InputException wrong = assertThrows(InputException.class, () -> ModelFiles.load(foreign));
    assertTrue(wrong.getMessage().contains("not a Seer model file"), wrong.getMessage());
    Path empty = Files.write(dir.resolve("e.seer"), new byte[0]);
    InputException truncated = assertThrows(InputException.class, () -> ModelFiles.load(empty));
    assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
  }

  @Test
  void idIndexRejectsDuplicates() {
    InputException e =
        assertThrows(InputException.class, () -> IdIndex.of(java.util.List.of("a", "b", "a")));
    assertTrue(e.getMessage().contains("'a'"));
  }
}
