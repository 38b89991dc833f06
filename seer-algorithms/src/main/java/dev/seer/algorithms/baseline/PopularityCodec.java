package dev.seer.algorithms.baseline;

import dev.seer.algorithms.Checks;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.ModelFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Stores {@link PopularityModel}s. Payload version 1: the per-item counts (float array). */
public final class PopularityCodec implements ModelCodec<PopularityModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public PopularityCodec() {}

  @Override
  public String algorithm() {
    return PopularityTrainer.ALGORITHM;
  }

  @Override
  public Class<PopularityModel> type() {
    return PopularityModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(PopularityModel model, DataOutputStream out) throws IOException {
    ModelFiles.writeFloats(out, model.counts());
  }

  @Override
  public PopularityModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    float[] counts = ModelFiles.readFloats(in);
    Checks.requireLength(counts.length, items.size(), "item counts");
    return new PopularityModel(card, users, items, counts);
  }
}
