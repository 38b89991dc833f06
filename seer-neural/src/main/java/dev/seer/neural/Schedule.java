package dev.seer.neural;

/** Learning-rate schedules over epochs. */
public enum Schedule {
  /** The same rate every epoch. */
  CONSTANT,
  /** The rate times {@code gamma} every {@code step-epochs} epochs. */
  STEP,
  /** Cosine decay from the rate to zero over all epochs. */
  COSINE
}
