package dev.seer.neural;

import dev.seer.api.InputException;
import dev.seer.api.ModelFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The training state after an epoch: parameters, optimizer moments, early-stopping state and the
 * best parameters so far. Written atomically as {@code checkpoint.bin} in the checkpoint directory;
 * plain arrays, no Java serialization.
 */
record Checkpoint(
    String fingerprint,
    int epochsDone,
    long steps,
    double best,
    int bestEpoch,
    int bad,
    double lastLoss,
    float[][] values,
    float[][] optimizer,
    float[][] bestValues) {
  private static final int MAGIC = 0x5345434B; // "SECK"
  private static final int VERSION = 1;
  static final String FILE = "checkpoint.bin";

  void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(FILE + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        ModelFiles.writeString(out, fingerprint);
        out.writeInt(epochsDone);
        out.writeLong(steps);
        out.writeDouble(best);
        out.writeInt(bestEpoch);
        out.writeInt(bad);
        out.writeDouble(lastLoss);
        writeAll(out, values);
        writeAll(out, optimizer);
        out.writeBoolean(bestValues != null);
        if (bestValues != null) {
          writeAll(out, bestValues);
        }
      }
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new InputException(
          "Cannot write the checkpoint in " + dir + ": " + e.getMessage() + "; check the path.", e);
    }
  }

  /** Reads the checkpoint in {@code dir}, or returns null when there is none. */
  static Checkpoint read(Path dir, String fingerprint) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new InputException(
            file + " is not a Seer checkpoint; delete it or pick another directory.");
      }
      String fp = ModelFiles.readString(in);
      if (!fp.equals(fingerprint)) {
        throw new InputException(
            file
                + " was written for other data or options; delete it to start afresh, or pass"
                + " the options it was trained with.");
      }
      int epochs = in.readInt();
      long steps = in.readLong();
      double best = in.readDouble();
      int bestEpoch = in.readInt();
      int bad = in.readInt();
      double lastLoss = in.readDouble();
      float[][] values = readAll(in);
      float[][] opt = readAll(in);
      float[][] bestValues = in.readBoolean() ? readAll(in) : null;
      return new Checkpoint(
          fp, epochs, steps, best, bestEpoch, bad, lastLoss, values, opt, bestValues);
    } catch (IOException e) {
      throw new InputException(
          "Cannot read the checkpoint "
              + file
              + " ("
              + e.getMessage()
              + "); delete it to start afresh.",
          e);
    }
  }

  private static void writeAll(DataOutputStream out, float[][] a) throws IOException {
    out.writeInt(a.length);
    for (float[] x : a) {
      ModelFiles.writeFloats(out, x);
    }
  }

  private static float[][] readAll(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("corrupt array count " + n);
    }
    float[][] a = new float[n][];
    for (int i = 0; i < n; i++) {
      a[i] = ModelFiles.readFloats(in);
    }
    return a;
  }
}
