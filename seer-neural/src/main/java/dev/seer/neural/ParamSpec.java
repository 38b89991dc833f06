package dev.seer.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One named parameter tensor of a network and how it starts.
 *
 * @param name unique name, for example {@code "block0.attention.query"}
 * @param shape dimensions
 * @param init how to draw initial values
 */
record ParamSpec(String name, long[] shape, Init init) {
  /** Initialisers. */
  enum Init {
    /** All zero (biases). */
    ZEROS,
    /** All one (layer-norm gains). */
    ONES,
    /** Uniform in ±sqrt(6 / (fanIn + fanOut)) over the last two dimensions (Glorot). */
    XAVIER,
    /** Normal with standard deviation 0.02, the usual choice for embedding tables. */
    EMBEDDING,
    /** Given by the network (for example item feature vectors) and never trained. */
    FIXED
  }

  ParamSpec {
    shape = shape.clone();
  }

  static ParamSpec of(String name, Init init, long... shape) {
    return new ParamSpec(name, shape, init);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  int size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  float[] initial(SplittableRandom rng) {
    float[] v = new float[size()];
    switch (init) {
      case ZEROS, FIXED -> {}
      case ONES -> Arrays.fill(v, 1f);
      case EMBEDDING -> {
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) (gaussian(rng) * 0.02);
        }
      }
      case XAVIER -> {
        long fanOut = shape[shape.length - 1];
        long fanIn = shape.length > 1 ? v.length / fanOut : fanOut;
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) ((rng.nextDouble() * 2 - 1) * a);
        }
      }
    }
    return v;
  }

  private static double gaussian(SplittableRandom rng) {
    // Box-Muller on the seeded generator, so that values do not depend on the JDK's Random.
    double u = 1.0 - rng.nextDouble();
    double w = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParamSpec p
        && name.equals(p.name)
        && Arrays.equals(shape, p.shape)
        && init == p.init;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
