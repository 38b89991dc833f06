package dev.seer.api;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Writes and reads one algorithm's model payload inside Seer's model file (see {@link ModelFiles}).
 * Codecs are found with {@link java.util.ServiceLoader}.
 *
 * @param <M> the model type
 */
public interface ModelCodec<M extends Recommender> {
  /**
   * Returns the algorithm this codec stores, as in {@link ModelCard#algorithm()}.
   *
   * @return the algorithm name
   */
  String algorithm();

  /**
   * Returns the model class this codec stores.
   *
   * @return the class
   */
  Class<M> type();

  /**
   * Returns the payload version this codec writes. Readers keep accepting older versions.
   *
   * @return the version, starting at 1
   */
  int payloadVersion();

  /**
   * Writes the algorithm-specific part of a model.
   *
   * @param model the model
   * @param out the stream
   * @throws IOException on write failure
   */
  void write(M model, DataOutputStream out) throws IOException;

  /**
   * Reads the algorithm-specific part of a model.
   *
   * @param in the stream
   * @param payloadVersion the version the payload was written with
   * @param card the model card read from the file
   * @param users the user index read from the file
   * @param items the item index read from the file
   * @return the model
   * @throws IOException on read failure or a corrupt payload
   */
  M read(DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException;
}
