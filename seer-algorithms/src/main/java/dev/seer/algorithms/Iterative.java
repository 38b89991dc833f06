package dev.seer.algorithms;

import dev.seer.api.Interactions;
import dev.seer.api.Recommender;
import dev.seer.api.TrainingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ability of trainers that improve a model epoch by epoch (BPR, ALS, biased MF): they can report
 * the model after every epoch and stop early, for example when a validation metric stops improving
 * ({@code seer tune --patience}). Training with a listener that always continues gives the same
 * model as {@link dev.seer.api.Trainer#fit}.
 */
public interface Iterative {
  /** Receives the model after each epoch. */
  @FunctionalInterface
  interface EpochListener {
    /**
     * Called after an epoch.
     *
     * @param epoch the number of epochs done, from 1
     * @param model a model of the current state; valid only during this call, since training goes
     *     on updating its arrays
     * @return true to go on, false to stop training now
     */
    boolean epochDone(int epoch, Recommender model);
  }

  /**
   * Returns the option that sets the number of epochs.
   *
   * @return for example {@code "epochs"} or {@code "iterations"}
   */
  String epochOption();

  /**
   * Trains like {@link dev.seer.api.Trainer#fit}, calling the listener after every epoch.
   *
   * @param train training interactions
   * @param context seed, metadata, progress and threads
   * @param listener receives each epoch's model and may stop training
   * @return the model after the last epoch trained
   */
  Recommender fit(Interactions train, TrainingContext context, EpochListener listener);

  /**
   * Returns the options to record on the card of a model whose training stopped early.
   *
   * @param options the trainer's options as text
   * @param key the epoch option
   * @param epochs the epochs actually trained
   * @return the options with {@code key} set to {@code epochs}
   */
  static Map<String, String> trained(Map<String, String> options, String key, int epochs) {
    Map<String, String> m = new LinkedHashMap<>(options);
    m.put(key, Integer.toString(epochs));
    return m;
  }
}
