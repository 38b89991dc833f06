package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A network's parameters as named tensors, in declaration order. */
final class Params {
  private final List<ParamSpec> specs;
  private final Map<String, NDArray> arrays;

  private Params(List<ParamSpec> specs, Map<String, NDArray> arrays) {
    this.specs = specs;
    this.arrays = arrays;
  }

  /**
   * Uploads parameter values.
   *
   * @param manager owns the arrays
   * @param specs the parameters
   * @param values one flat array per spec, in order
   * @param gradient whether the arrays record gradients (training)
   * @return the parameters
   */
  static Params create(
      NDManager manager, List<ParamSpec> specs, float[][] values, boolean gradient) {
    if (values.length != specs.size()) {
      throw new IllegalArgumentException(
          "expected " + specs.size() + " parameter arrays, got " + values.length);
    }
    Map<String, NDArray> m = new LinkedHashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      ParamSpec s = specs.get(i);
      if (values[i].length != s.size()) {
        throw new IllegalArgumentException(
            "parameter " + s + " needs " + s.size() + " values, got " + values[i].length);
      }
      NDArray a = manager.create(values[i], new Shape(s.shape()));
      if (gradient && s.init() != ParamSpec.Init.FIXED) {
        a.setRequiresGradient(true);
      }
      m.put(s.name(), a);
    }
    return new Params(List.copyOf(specs), m);
  }

  NDArray get(String name) {
    NDArray a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no parameter " + name);
    }
    return a;
  }

  List<ParamSpec> specs() {
    return specs;
  }

  List<NDArray> arrays() {
    return new ArrayList<>(arrays.values());
  }

  /** Makes the results of operations on the parameters belong to {@code step} until it closes. */
  void tempAttach(NDManager step) {
    for (NDArray a : arrays.values()) {
      a.tempAttach(step);
    }
  }

  /** Copies the current values out. */
  float[][] values() {
    float[][] out = new float[specs.size()][];
    int i = 0;
    for (NDArray a : arrays.values()) {
      out[i++] = a.toFloatArray();
    }
    return out;
  }
}
