package dev.seer.server;

import dev.seer.api.ModelFiles;
import dev.seer.api.SavedModel;
import dev.seer.store.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A loaded model version, immutable; the server swaps whole instances, so a request sees either the
 * old model or the new one, never a mix.
 *
 * @param version the stored version
 * @param saved the model with the interactions it was trained on
 */
record Serving(ModelVersion version, SavedModel saved) {
  static Serving load(ModelVersion version, byte[] bytes) {
    try {
      Path tmp = Files.createTempFile("seer-model", ".seer");
      try {
        Files.write(tmp, bytes);
        return new Serving(version, ModelFiles.load(tmp));
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage model version " + version.version(), e);
    }
  }
}
