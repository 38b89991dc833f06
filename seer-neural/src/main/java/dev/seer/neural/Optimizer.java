package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * Applies gradient steps to parameters, with state (moments) that checkpoints can save and restore.
 */
final class Optimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;
  private static final float MOMENTUM = 0.9f;

  private final OptimizerKind kind;
  private final float weightDecay;
  private final List<NDArray> params;
  private final NDArray[] first;
  private final NDArray[] second;
  private long steps;

  Optimizer(OptimizerKind kind, float weightDecay, Params params, NDManager state) {
    this.kind = kind;
    this.weightDecay = weightDecay;
    List<NDArray> trainable = new java.util.ArrayList<>();
    for (int i = 0; i < params.specs().size(); i++) {
      if (params.specs().get(i).init() != ParamSpec.Init.FIXED) {
        trainable.add(params.arrays().get(i));
      }
    }
    this.params = trainable;
    this.first = new NDArray[this.params.size()];
    this.second = new NDArray[this.params.size()];
    for (int i = 0; i < first.length; i++) {
      NDArray p = this.params.get(i);
      first[i] = state.zeros(p.getShape());
      second[i] = kind == OptimizerKind.ADAM ? state.zeros(p.getShape()) : null;
    }
  }

  long steps() {
    return steps;
  }

  /**
   * Makes the temporaries of the next {@link #step} belong to {@code step} until it closes (without
   * this they would belong to the long-lived state manager and accumulate for the whole training).
   */
  void tempAttach(NDManager step) {
    for (int i = 0; i < first.length; i++) {
      first[i].tempAttach(step);
      if (second[i] != null) {
        second[i].tempAttach(step);
      }
    }
  }

  /** Applies one step with the gradients of the last backward pass, then clears them. */
  void step(float lr) {
    steps++;
    double c1 = 1 - Math.pow(BETA1, steps);
    double c2 = 1 - Math.pow(BETA2, steps);
    for (int i = 0; i < first.length; i++) {
      NDArray p = params.get(i);
      NDArray g = p.getGradient();
      if (weightDecay > 0) {
        g = g.add(p.mul(weightDecay));
      }
      if (kind == OptimizerKind.ADAM) {
        first[i].muli(BETA1).addi(g.mul(1 - BETA1));
        second[i].muli(BETA2).addi(g.square().muli(1 - BETA2));
        NDArray update = first[i].div(c1).divi(second[i].div(c2).sqrt().addi(EPS)).muli(lr);
        p.subi(update);
      } else {
        first[i].muli(MOMENTUM).addi(g);
        p.subi(first[i].mul(lr));
      }
      JniUtils.zeroGrad((PtNDArray) p);
    }
  }

  /** Returns the state: the step count, then one flat array per moment. */
  float[][] state() {
    int per = kind == OptimizerKind.ADAM ? 2 : 1;
    float[][] out = new float[first.length * per][];
    for (int i = 0; i < first.length; i++) {
      out[i * per] = first[i].toFloatArray();
      if (per == 2) {
        out[i * per + 1] = second[i].toFloatArray();
      }
    }
    return out;
  }

  /** Restores state written by {@link #state()}. */
  void restore(long steps, float[][] state) {
    int per = kind == OptimizerKind.ADAM ? 2 : 1;
    if (state.length != first.length * per) {
      throw new IllegalArgumentException("optimizer state has " + state.length + " arrays");
    }
    this.steps = steps;
    for (int i = 0; i < first.length; i++) {
      first[i].set(state[i * per]);
      if (per == 2) {
        second[i].set(state[i * per + 1]);
      }
    }
  }
}
