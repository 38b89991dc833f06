package dev.seer.algorithms.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The BLAS and LAPACK implementation Seer uses for large dense work (EASE's Gram matrix and
 * inverse), from the {@code dev.ludovic.netlib} bindings.
 *
 * <p>{@link #best()} prefers the native system libraries ({@code libblas.so.3} and {@code
 * liblapack.so.3}, for example OpenBLAS from Debian's {@code libopenblas0} and {@code liblapack3}).
 * When they cannot be loaded it falls back to netlib's pure-Java implementation, which gives the
 * same results but is tens of times slower, and logs a warning that says how to install the native
 * libraries. The choice is logged once per JVM (logger {@code dev.seer.algorithms.linalg}, {@link
 * System.Logger}). Setting the system property {@code seer.linalg=java} forces the pure-Java
 * implementation.
 *
 * <p>The instances are thread-safe and stateless.
 */
public final class LinearAlgebra {
  private static final System.Logger LOG = System.getLogger("dev.seer.algorithms.linalg");

  private static volatile LinearAlgebra best;
  private static volatile LinearAlgebra pureJava;

  private final BLAS blas;
  private final LAPACK lapack;
  private final boolean isNative;
  private final String description;

  private LinearAlgebra(BLAS blas, LAPACK lapack, boolean isNative, String description) {
    this.blas = blas;
    this.lapack = lapack;
    this.isNative = isNative;
    this.description = description;
  }

  /**
   * Returns the fastest implementation available: native when the system libraries load, else pure
   * Java (logged as a warning).
   *
   * @return the implementation
   */
  public static LinearAlgebra best() {
    LinearAlgebra b = best;
    if (b == null) {
      synchronized (LinearAlgebra.class) {
        b = best;
        if (b == null) {
          b = choose();
          best = b;
        }
      }
    }
    return b;
  }

  /**
   * Returns netlib's pure-Java implementation (for tests and comparisons).
   *
   * @return the implementation
   */
  public static LinearAlgebra pureJava() {
    LinearAlgebra j = pureJava;
    if (j == null) {
      synchronized (LinearAlgebra.class) {
        j = pureJava;
        if (j == null) {
          BLAS b = JavaBLAS.getInstance();
          LAPACK l = JavaLAPACK.getInstance();
          j =
              new LinearAlgebra(
                  b,
                  l,
                  false,
                  "pure Java (" + b.getClass().getName() + ", " + l.getClass().getName() + ")");
          pureJava = j;
        }
      }
    }
    return j;
  }

  private static LinearAlgebra choose() {
    if ("java".equalsIgnoreCase(System.getProperty("seer.linalg", "").trim())) {
      LinearAlgebra j = pureJava();
      LOG.log(Level.INFO, "BLAS/LAPACK: " + j.description + ", as asked by -Dseer.linalg=java.");
      return j;
    }
    try {
      BLAS b = NativeBLAS.getInstance();
      LAPACK l = NativeLAPACK.getInstance();
      String libs = loadedLibraries();
      LinearAlgebra n =
          new LinearAlgebra(
              b,
              l,
              true,
              "native ("
                  + b.getClass().getName()
                  + ", "
                  + l.getClass().getName()
                  + (libs.isEmpty() ? "" : "; " + libs)
                  + ")");
      LOG.log(
          Level.INFO,
          "BLAS/LAPACK: "
              + n.description
              + " (a netlib warning about VectorBLAS concerns only its unused Java fallback).");
      return n;
    } catch (RuntimeException | LinkageError e) {
      LinearAlgebra j = pureJava();
      LOG.log(
          Level.WARNING,
          "BLAS/LAPACK: the native libraries could not be loaded ("
              + e
              + "), so Seer uses "
              + j.description
              + ", which is tens of times slower for EASE; install native BLAS and LAPACK"
              + " (Debian: apt-get install libopenblas0 liblapack3).");
      return j;
    }
  }

  /** The shared libraries with BLAS or LAPACK in their names mapped into this process (Linux). */
  private static String loadedLibraries() {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      return "";
    }
    Set<String> libs = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(maps)) {
        int slash = line.indexOf('/');
        if (slash < 0) {
          continue;
        }
        String file = line.substring(slash).trim();
        String name = Path.of(file).getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("blas") || name.contains("lapack")) {
          libs.add(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
    return String.join(", ", libs);
  }

  /**
   * Returns the BLAS implementation.
   *
   * @return BLAS
   */
  public BLAS blas() {
    return blas;
  }

  /**
   * Returns the LAPACK implementation.
   *
   * @return LAPACK
   */
  public LAPACK lapack() {
    return lapack;
  }

  /**
   * Tells whether the native libraries are in use.
   *
   * @return true for native BLAS/LAPACK
   */
  public boolean isNative() {
    return isNative;
  }

  /**
   * Describes the implementation, for logs and benchmark files.
   *
   * @return for example {@code native (dev.ludovic.netlib.blas.JNIBLAS, ...)}
   */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
