package dev.seer.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Seer's versioned model file format.
 *
 * <pre>
 * magic      8 bytes  "SEERMDL1"
 * format     int      {@link #FORMAT_VERSION}
 * card       algorithm, options, seed, fingerprint, metrics, seer version, created-at
 * users      count, ids
 * items      count, ids
 * seen       CSR of training interactions (rows, cols, indptr, indices, values)
 * payload    int payload version, then the codec's bytes
 * checksum   long CRC32 of everything before it
 * </pre>
 *
 * All numbers are big-endian; strings are an int byte length followed by UTF-8 bytes. Files are
 * written to a temporary name and moved into place, so a crash never leaves half a model.
 */
public final class ModelFiles {
  /** The current container format version. */
  public static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = "SEERMDL1".getBytes(StandardCharsets.US_ASCII);

  private ModelFiles() {}

  /**
   * Saves a model.
   *
   * @param path target file
   * @param model the model
   * @param seen its training interactions (users x items)
   * @throws InputException if the algorithm has no codec or the file cannot be written
   */
  public static void save(Path path, Recommender model, SparseMatrix seen) {
    save(path, model, seen, model.card());
  }

  /**
   * Saves a model with another card (for example the model's card with measured metrics added);
   * loading the file gives a model that carries this card.
   *
   * @param path target file
   * @param model the model
   * @param seen its training interactions (users x items)
   * @param card the card to store; its algorithm must be the model's
   * @throws InputException if the algorithm has no codec or the file cannot be written
   */
  public static void save(Path path, Recommender model, SparseMatrix seen, ModelCard card) {
    if (!card.algorithm().equals(model.card().algorithm())) {
      throw new IllegalArgumentException("card algorithm differs from the model's");
    }
    ModelCodec<Recommender> codec = codecFor(card.algorithm());
    Path dir = path.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp =
          dir.resolve(
              path.getFileName()
                  + "."
                  + ProcessHandle.current().pid()
                  + "."
                  + System.nanoTime()
                  + ".tmp");
      try {
        try (OutputStream fo = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
          CheckedOutputStream co =
              new CheckedOutputStream(new BufferedOutputStream(fo), new CRC32());
          DataOutputStream out = new DataOutputStream(co);
          out.write(MAGIC);
          out.writeInt(FORMAT_VERSION);
          writeCard(out, card);
          writeIds(out, model.users());
          writeIds(out, model.items());
          writeMatrix(out, seen);
          out.writeInt(codec.payloadVersion());
          codec.write(codec.type().cast(model), out);
          out.flush();
          long crc = co.getChecksum().getValue();
          out.writeLong(crc);
          out.flush();
        }
        try {
          Files.move(
              tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write the model file " + path + ": " + e.getMessage() + "; check the path.", e);
    }
  }

  /**
   * Loads a model.
   *
   * @param path the model file
   * @return the model and its training interactions
   * @throws InputException if the file is missing, not a Seer model, corrupt, or from a newer
   *     format
   */
  public static SavedModel load(Path path) {
    try (InputStream fi = Files.newInputStream(path)) {
      CheckedInputStream ci = new CheckedInputStream(new BufferedInputStream(fi), new CRC32());
      DataInputStream in = new DataInputStream(ci);
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InputException(
            path
                + " is not a Seer model file (wrong magic bytes); pass a file written by seer train.");
      }
      int format = in.readInt();
      if (format < 1 || format > FORMAT_VERSION) {
        throw new InputException(
            path
                + " has model format "
                + format
                + " but this Seer reads formats 1.."
                + FORMAT_VERSION
                + "; upgrade Seer.");
      }
      ModelCard card = readCard(in);
      IdIndex users = readIds(in);
      IdIndex items = readIds(in);
      SparseMatrix seen = readMatrix(in);
      int payloadVersion = in.readInt();
      ModelCodec<Recommender> codec = codecFor(card.algorithm());
      if (payloadVersion < 1 || payloadVersion > codec.payloadVersion()) {
        throw new InputException(
            path
                + " stores "
                + card.algorithm()
                + " payload version "
                + payloadVersion
                + ", newer than this Seer reads ("
                + codec.payloadVersion()
                + "); upgrade Seer.");
      }
      Recommender model = codec.read(in, payloadVersion, card, users, items);
      long expected = ci.getChecksum().getValue();
      long stored = in.readLong();
      if (stored != expected) {
        throw new InputException(
            path + " is corrupt (checksum mismatch); retrain or restore the model file.");
      }
      return new SavedModel(model, seen);
    } catch (NoSuchFileException e) {
      throw new InputException("The model file " + path + " does not exist; train one first.", e);
    } catch (EOFException e) {
      throw new InputException(path + " is truncated; retrain or restore the model file.", e);
    } catch (IOException e) {
      throw new InputException("Cannot read the model file " + path + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static ModelCodec<Recommender> codecFor(String algorithm) {
    List<String> known = new ArrayList<>();
    for (ModelCodec<?> c : ServiceLoader.load(ModelCodec.class)) {
      if (c.algorithm().equals(algorithm)) {
        return (ModelCodec<Recommender>) c;
      }
      known.add(c.algorithm());
    }
    throw new InputException(
        "No model codec for algorithm '" + algorithm + "'; known algorithms: " + known + ".");
  }

  /**
   * Writes a string as an int byte length and UTF-8 bytes.
   *
   * @param out stream
   * @param s string
   * @throws IOException on failure
   */
  public static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /**
   * Reads a string written by {@link #writeString}.
   *
   * @param in stream
   * @return the string
   * @throws IOException on failure or an impossible length
   */
  public static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 26)) {
      throw new IOException("corrupt string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * Writes a float array with its length.
   *
   * @param out stream
   * @param a array
   * @throws IOException on failure
   */
  public static void writeFloats(DataOutputStream out, float[] a) throws IOException {
    out.writeInt(a.length);
    for (float v : a) {
      out.writeFloat(v);
    }
  }

  /**
   * Reads a float array written by {@link #writeFloats}.
   *
   * @param in stream
   * @return the array
   * @throws IOException on failure
   */
  public static float[] readFloats(DataInputStream in) throws IOException {
    float[] a = new float[readLength(in)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readFloat();
    }
    return a;
  }

  /**
   * Writes an int array with its length.
   *
   * @param out stream
   * @param a array
   * @throws IOException on failure
   */
  public static void writeInts(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) {
      out.writeInt(v);
    }
  }

  /**
   * Reads an int array written by {@link #writeInts}.
   *
   * @param in stream
   * @return the array
   * @throws IOException on failure
   */
  public static int[] readInts(DataInputStream in) throws IOException {
    int[] a = new int[readLength(in)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readInt();
    }
    return a;
  }

  /**
   * Writes a sparse matrix.
   *
   * @param out stream
   * @param m matrix
   * @throws IOException on failure
   */
  public static void writeMatrix(DataOutputStream out, SparseMatrix m) throws IOException {
    out.writeInt(m.rows());
    out.writeInt(m.cols());
    writeInts(out, m.indptr());
    writeInts(out, m.indices());
    writeFloats(out, m.values());
  }

  /**
   * Reads a sparse matrix written by {@link #writeMatrix}.
   *
   * @param in stream
   * @return the matrix
   * @throws IOException on failure or inconsistent arrays
   */
  public static SparseMatrix readMatrix(DataInputStream in) throws IOException {
    int rows = in.readInt();
    int cols = in.readInt();
    int[] ptr = readInts(in);
    int[] idx = readInts(in);
    float[] val = readFloats(in);
    try {
      return new SparseMatrix(rows, cols, ptr, idx, val);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt sparse matrix: " + e.getMessage(), e);
    }
  }

  private static int readLength(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 30)) {
      throw new IOException("corrupt array length " + n);
    }
    return n;
  }

  private static void writeIds(DataOutputStream out, IdIndex ids) throws IOException {
    out.writeInt(ids.size());
    for (String id : ids.ids()) {
      writeString(out, id);
    }
  }

  private static IdIndex readIds(DataInputStream in) throws IOException {
    int n = readLength(in);
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(readString(in));
    }
    return IdIndex.of(ids);
  }

  private static void writeCard(DataOutputStream out, ModelCard card) throws IOException {
    writeString(out, card.algorithm());
    Map<String, String> opts = new TreeMap<>(card.options());
    out.writeInt(opts.size());
    for (Map.Entry<String, String> e : opts.entrySet()) {
      writeString(out, e.getKey());
      writeString(out, e.getValue());
    }
    out.writeLong(card.seed());
    writeString(out, card.dataFingerprint());
    Map<String, Double> metrics = new TreeMap<>(card.metrics());
    out.writeInt(metrics.size());
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      writeString(out, e.getKey());
      out.writeDouble(e.getValue());
    }
    writeString(out, card.seerVersion());
    out.writeLong(card.createdAt().getEpochSecond());
    out.writeInt(card.createdAt().getNano());
  }

  private static ModelCard readCard(DataInputStream in) throws IOException {
    String algorithm = readString(in);
    int n = readLength(in);
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      opts.put(readString(in), readString(in));
    }
    long seed = in.readLong();
    String fingerprint = readString(in);
    int m = readLength(in);
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      metrics.put(readString(in), in.readDouble());
    }
    String version = readString(in);
    Instant created = Instant.ofEpochSecond(in.readLong(), in.readInt());
    return new ModelCard(algorithm, opts, seed, fingerprint, metrics, version, created);
  }
}
