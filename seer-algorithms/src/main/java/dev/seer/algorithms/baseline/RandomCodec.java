package dev.seer.algorithms.baseline;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Stores {@link RandomModel}s. Payload version 1: the seed (long). */
public final class RandomCodec implements ModelCodec<RandomModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public RandomCodec() {}

  @Override
  public String algorithm() {
    return RandomTrainer.ALGORITHM;
  }

  @Override
  public Class<RandomModel> type() {
    return RandomModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(RandomModel model, DataOutputStream out) throws IOException {
    out.writeLong(model.seed());
  }

  @Override
  public RandomModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    return new RandomModel(card, users, items, in.readLong());
  }
}
