package dev.seer.neural;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.ModelFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Stores a neural model: the parameter names, shapes and values as plain float arrays, and each
 * training user's item sequence. The architecture is rebuilt from the card's options. Subclasses
 * name the algorithm.
 */
public abstract class NeuralCodec implements ModelCodec<NeuralModel> {
  private final String algorithm;

  /**
   * Creates a codec.
   *
   * @param algorithm the algorithm it stores
   */
  protected NeuralCodec(String algorithm) {
    this.algorithm = algorithm;
  }

  @Override
  public String algorithm() {
    return algorithm;
  }

  @Override
  public Class<NeuralModel> type() {
    return NeuralModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(NeuralModel model, DataOutputStream out) throws IOException {
    List<ParamSpec> specs = model.network().specs();
    float[][] values = model.values();
    out.writeInt(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      ParamSpec s = specs.get(i);
      ModelFiles.writeString(out, s.name());
      long[] shape = s.shape();
      out.writeInt(shape.length);
      for (long d : shape) {
        out.writeLong(d);
      }
      ModelFiles.writeFloats(out, values[i]);
    }
    int[][] h = model.histories();
    out.writeInt(h.length);
    for (int[] seq : h) {
      ModelFiles.writeInts(out, seq);
    }
  }

  @Override
  public NeuralModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    Network net =
        NeuralAlgorithms.fromCard(card.algorithm(), card.options())
            .build(users.size(), items.size());
    List<ParamSpec> specs = net.specs();
    int n = in.readInt();
    if (n != specs.size()) {
      throw new IOException("expected " + specs.size() + " parameters, found " + n);
    }
    float[][] values = new float[n][];
    for (int i = 0; i < n; i++) {
      String name = ModelFiles.readString(in);
      int rank = in.readInt();
      if (rank < 0 || rank > 8) {
        throw new IOException("corrupt rank " + rank);
      }
      long[] shape = new long[rank];
      for (int d = 0; d < rank; d++) {
        shape[d] = in.readLong();
      }
      ParamSpec want = specs.get(i);
      if (!name.equals(want.name()) || !java.util.Arrays.equals(shape, want.shape())) {
        throw new IOException(
            "parameter "
                + i
                + " is "
                + name
                + java.util.Arrays.toString(shape)
                + ", expected "
                + want);
      }
      values[i] = ModelFiles.readFloats(in);
      if (values[i].length != want.size()) {
        throw new IOException("parameter " + name + " has " + values[i].length + " values");
      }
    }
    int u = in.readInt();
    if (u != users.size()) {
      throw new IOException("expected " + users.size() + " histories, found " + u);
    }
    int[][] h = new int[u][];
    for (int k = 0; k < u; k++) {
      h[k] = ModelFiles.readInts(in);
      for (int i : h[k]) {
        if (i < 0 || i >= items.size()) {
          throw new IOException("history of user " + k + " has item " + i);
        }
      }
    }
    return new NeuralModel(card, users, items, net, values, h);
  }

  /** Stores GRU4Rec models. */
  public static final class Gru4RecCodec extends NeuralCodec {
    /** Creates the codec. */
    public Gru4RecCodec() {
      super(Gru4RecOptions.ALGORITHM);
    }
  }

  /** Stores Caser models. */
  public static final class CaserCodec extends NeuralCodec {
    /** Creates the codec. */
    public CaserCodec() {
      super(CaserOptions.ALGORITHM);
    }
  }

  /** Stores NeuMF models. */
  public static final class NeuMfCodec extends NeuralCodec {
    /** Creates the codec. */
    public NeuMfCodec() {
      super(NeuMfOptions.ALGORITHM);
    }
  }

  /** Stores two-tower models. */
  public static final class TwoTowerCodec extends NeuralCodec {
    /** Creates the codec. */
    public TwoTowerCodec() {
      super(TwoTowerOptions.ALGORITHM);
    }
  }

  /** Stores SASRec models. */
  public static final class SasRecCodec extends NeuralCodec {
    /** Creates the codec. */
    public SasRecCodec() {
      super(SasRecOptions.ALGORITHM);
    }
  }
}
