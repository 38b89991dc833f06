package dev.seer.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The store: one database holding every application's data. Thread-safe. Every write is committed
 * before the method returns, so a caller may acknowledge it: SQLite runs in WAL mode with {@code
 * synchronous=FULL}; PostgreSQL commits synchronously by default.
 */
public final class Store implements AutoCloseable {
  /** Ids of applications: lowercase letters, digits, '-' and '_', 1 to 64 characters. */
  public static final Pattern APP_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** The longest user, item or event id accepted. */
  public static final int MAX_ID_LENGTH = 256;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
  private static final int ROWS_PER_INSERT = 500;
  private static final int IDS_PER_QUERY = 500;

  private final Dialect dialect;
  private final HikariDataSource pool;
  private final ReentrantLock writeLock = new ReentrantLock(); // SQLite has one writer at a time
  private final SecureRandom random = new SecureRandom();
  private final String url;

  private Store(String url, Dialect dialect, HikariDataSource pool) {
    this.url = url;
    this.dialect = dialect;
    this.pool = pool;
  }

  /**
   * Opens (and creates or migrates) a store.
   *
   * @param url {@code jdbc:sqlite:FILE} or {@code
   *     jdbc:postgresql://HOST:PORT/DB?user=..&password=..}
   * @return the open store
   * @throws InputException if the URL is not supported or the database cannot be reached
   */
  public static Store open(String url) {
    Dialect d = Dialect.of(url);
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(url);
    cfg.setPoolName("seer-store");
    if (d == Dialect.SQLITE) {
      String file = url.substring("jdbc:sqlite:".length());
      int q = file.indexOf('?');
      file = q < 0 ? file : file.substring(0, q);
      if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:")) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
          Files.createDirectories(parent);
        } catch (java.io.IOException e) {
          throw new InputException(
              "Cannot create the folder " + parent + " for the database; check the path.", e);
        }
      }
      cfg.addDataSourceProperty("journal_mode", "WAL");
      cfg.addDataSourceProperty("synchronous", "FULL");
      cfg.addDataSourceProperty("foreign_keys", "true");
      cfg.addDataSourceProperty("busy_timeout", "10000");
      cfg.setMaximumPoolSize(4);
    } else {
      cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
      cfg.setMaximumPoolSize(8);
    }
    cfg.setInitializationFailTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(cfg);
    } catch (RuntimeException e) {
      throw new InputException(
          "Cannot open the database " + redact(url) + " (" + rootMessage(e) + "); check --db.", e);
    }
    Store s = new Store(url, d, ds);
    try (Connection c = ds.getConnection()) {
      Migrations.migrate(c, d);
    } catch (SQLException e) {
      ds.close();
      throw new InputException(
          "Cannot open the database " + redact(url) + " (" + e.getMessage() + "); check --db.", e);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return s;
  }

  /**
   * Returns the database kind.
   *
   * @return the dialect
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Returns the URL without credentials, for logs.
   *
   * @return the URL
   */
  public String describe() {
    return redact(url);
  }

  @Override
  public void close() {
    pool.close();
  }

  // ---------------------------------------------------------------- applications

  /**
   * Creates an application.
   *
   * @param id the id (see {@link #APP_ID})
   * @param name display name
   * @return the application
   * @throws InputException if the id is malformed or taken
   */
  public App createApp(String id, String name) {
    if (id == null || !APP_ID.matcher(id).matches()) {
      throw new InputException(
          "The application id '"
              + id
              + "' is not valid; use 1 to 64 lowercase letters, digits, '-' or '_'.");
    }
    long now = System.currentTimeMillis();
    String n = name == null || name.isBlank() ? id : name;
    write(
        c -> {
          if (app(c, id).isPresent()) {
            throw new InputException("The application '" + id + "' exists already.");
          }
          try (PreparedStatement p =
              c.prepareStatement("INSERT INTO apps (app_id, name, created_at) VALUES (?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, n);
            p.setLong(3, now);
            p.executeUpdate();
          }
          return null;
        });
    return new App(id, n, now);
  }

  /**
   * Finds an application.
   *
   * @param id its id
   * @return the application, if it exists
   */
  public Optional<App> app(String id) {
    return read(c -> app(c, id));
  }

  private static Optional<App> app(Connection c, String id) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT app_id, name, created_at FROM apps WHERE app_id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next()
            ? Optional.of(new App(rs.getString(1), rs.getString(2), rs.getLong(3)))
            : Optional.empty();
      }
    }
  }

  /**
   * Lists all applications by id.
   *
   * @return the applications
   */
  public List<App> apps() {
    return read(
        c -> {
          List<App> out = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement("SELECT app_id, name, created_at FROM apps ORDER BY app_id");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.add(new App(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
          }
          return out;
        });
  }

  // ---------------------------------------------------------------- API keys

  /**
   * Creates an API key. The secret is returned once and stored only as a SHA-256 hash.
   *
   * @param appId the application
   * @param role the role
   * @return the new key with its secret
   */
  public NewKey createKey(String appId, Role role) {
    requireApp(appId);
    byte[] raw = new byte[24];
    random.nextBytes(raw);
    String keyId = "k" + HexFormat.of().formatHex(raw, 0, 6);
    String secret =
        "seer_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    long now = System.currentTimeMillis();
    write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO api_keys (key_id, app_id, role, key_hash, created_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, keyId);
            p.setString(2, appId);
            p.setString(3, role.id());
            p.setString(4, sha256(secret));
            p.setLong(5, now);
            p.executeUpdate();
          }
          return null;
        });
    return new NewKey(keyId, secret, new KeyGrant(keyId, appId, role));
  }

  /**
   * Looks up what a presented secret grants.
   *
   * @param secret the secret from the request
   * @return the grant, or empty for unknown or revoked keys
   */
  public Optional<KeyGrant> authenticate(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 200) {
      return Optional.empty();
    }
    String hash = sha256(secret);
    return read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT key_id, app_id, role FROM api_keys WHERE key_hash = ? AND revoked_at IS"
                      + " NULL")) {
            p.setString(1, hash);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new KeyGrant(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3))))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Revokes a key.
   *
   * @param appId the application that owns it
   * @param keyId its public id
   * @return true if a key was revoked
   */
  public boolean revokeKey(String appId, String keyId) {
    return write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE api_keys SET revoked_at = ? WHERE app_id = ? AND key_id = ? AND"
                      + " revoked_at IS NULL")) {
            p.setLong(1, System.currentTimeMillis());
            p.setString(2, appId);
            p.setString(3, keyId);
            return p.executeUpdate() > 0;
          }
        });
  }

  // ---------------------------------------------------------------- catalogue

  /**
   * Creates or replaces items.
   *
   * @param appId the application
   * @param items the items
   * @return how many were written
   */
  public int upsertItems(String appId, List<CatalogItem> items) {
    requireApp(appId);
    for (CatalogItem it : items) {
      checkId("item id", it.info().id());
    }
    return write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO items (app_id, item_id, title, categories, body, attributes,"
                      + " available, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT"
                      + " (app_id, item_id) DO UPDATE SET title = excluded.title, categories ="
                      + " excluded.categories, body = excluded.body, attributes ="
                      + " excluded.attributes, available = excluded.available, updated_at ="
                      + " excluded.updated_at")) {
            for (CatalogItem it : items) {
              ItemInfo info = it.info();
              p.setString(1, appId);
              p.setString(2, info.id());
              p.setString(3, info.title());
              p.setString(4, json(info.categories()));
              p.setString(5, info.text());
              p.setString(6, json(info.attributes()));
              p.setBoolean(7, it.available());
              p.setLong(8, it.updatedAt());
              p.addBatch();
            }
            p.executeBatch();
          }
          return items.size();
        });
  }

  /**
   * Deletes items.
   *
   * @param appId the application
   * @param ids item ids
   * @return how many existed
   */
  public int deleteItems(String appId, List<String> ids) {
    return write(
        c -> {
          int n = 0;
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM items WHERE app_id = ? AND item_id = ?")) {
            for (String id : ids) {
              p.setString(1, appId);
              p.setString(2, id);
              n += p.executeUpdate();
            }
          }
          return n;
        });
  }

  /**
   * Returns one item.
   *
   * @param appId the application
   * @param itemId the item
   * @return the item, if present
   */
  public Optional<CatalogItem> item(String appId, String itemId) {
    List<CatalogItem> found = new ArrayList<>();
    items(appId, itemId, found::add);
    return found.stream().findFirst();
  }

  /**
   * Streams the whole catalogue of an application, ordered by item id.
   *
   * @param appId the application
   * @param sink receives each item
   */
  public void forEachItem(String appId, Consumer<CatalogItem> sink) {
    items(appId, null, sink);
  }

  private void items(String appId, String only, Consumer<CatalogItem> sink) {
    read(
        c -> {
          String sql =
              "SELECT item_id, title, categories, body, attributes, available, updated_at FROM"
                  + " items WHERE app_id = ?"
                  + (only == null ? " ORDER BY item_id" : " AND item_id = ?");
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, appId);
            if (only != null) {
              p.setString(2, only);
            }
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                ItemInfo info =
                    new ItemInfo(
                        rs.getString(1),
                        rs.getString(2),
                        parse(rs.getString(3), STRING_LIST),
                        rs.getString(4),
                        parse(rs.getString(5), STRING_MAP));
                sink.accept(new CatalogItem(info, rs.getBoolean(6), rs.getLong(7)));
              }
            }
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- users

  /**
   * Creates or updates a user's attributes. Creating a user who was erased lets their new events in
   * again.
   *
   * @param appId the application
   * @param userId the user
   * @param attributes attributes
   */
  public void upsertUser(String appId, String userId, Map<String, String> attributes) {
    requireApp(appId);
    checkId("user id", userId);
    write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO users (app_id, user_id, attributes, updated_at) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (app_id, user_id) DO UPDATE SET attributes ="
                      + " excluded.attributes, updated_at = excluded.updated_at")) {
            p.setString(1, appId);
            p.setString(2, userId);
            p.setString(3, json(attributes == null ? Map.of() : attributes));
            p.setLong(4, System.currentTimeMillis());
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM erased_users WHERE app_id = ? AND user_id = ?")) {
            p.setString(1, appId);
            p.setString(2, userId);
            p.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Erases a user: every event and the attributes are deleted in one transaction, and the user is
   * recorded as erased so that later events for them are refused until they are created again.
   *
   * @param appId the application
   * @param userId the user
   * @return the number of events deleted
   */
  public int eraseUser(String appId, String userId) {
    requireApp(appId);
    checkId("user id", userId);
    return write(
        c -> {
          int n;
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM events WHERE app_id = ? AND user_id = ?")) {
            p.setString(1, appId);
            p.setString(2, userId);
            n = p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM users WHERE app_id = ? AND user_id = ?")) {
            p.setString(1, appId);
            p.setString(2, userId);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO erased_users (app_id, user_id, erased_at) VALUES (?, ?, ?) ON"
                      + " CONFLICT (app_id, user_id) DO UPDATE SET erased_at ="
                      + " excluded.erased_at")) {
            p.setString(1, appId);
            p.setString(2, userId);
            p.setLong(3, System.currentTimeMillis());
            p.executeUpdate();
          }
          return n;
        });
  }

  /**
   * Exports everything held about a user.
   *
   * @param appId the application
   * @param userId the user
   * @return the data
   */
  public UserData exportUser(String appId, String userId) {
    return read(
        c -> {
          Map<String, String> attrs = Map.of();
          try (PreparedStatement p =
              c.prepareStatement("SELECT attributes FROM users WHERE app_id = ? AND user_id = ?")) {
            p.setString(1, appId);
            p.setString(2, userId);
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                attrs = parse(rs.getString(1), STRING_MAP);
              }
            }
          }
          boolean erased;
          try (PreparedStatement p =
              c.prepareStatement("SELECT 1 FROM erased_users WHERE app_id = ? AND user_id = ?")) {
            p.setString(1, appId);
            p.setString(2, userId);
            try (ResultSet rs = p.executeQuery()) {
              erased = rs.next();
            }
          }
          return new UserData(appId, userId, attrs, userEvents(c, appId, userId, -1), erased);
        });
  }

  /**
   * Returns a user's most recent events, newest last.
   *
   * @param appId the application
   * @param userId the user
   * @param limit the most to return
   * @return events in time order
   */
  public List<Event> recentEvents(String appId, String userId, int limit) {
    return read(c -> userEvents(c, appId, userId, limit));
  }

  private static List<Event> userEvents(Connection c, String appId, String userId, int limit)
      throws SQLException {
    String sql =
        "SELECT event_id, user_id, item_id, type, value, ts FROM events WHERE app_id = ? AND"
            + " user_id = ? ORDER BY ts DESC, seq DESC"
            + (limit > 0 ? " LIMIT " + limit : "");
    List<Event> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, appId);
      p.setString(2, userId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(event(rs));
        }
      }
    }
    java.util.Collections.reverse(out);
    return out;
  }

  // ---------------------------------------------------------------- events

  /**
   * Stores a batch of events in one transaction. Events whose id is already stored are counted as
   * duplicates and change nothing; events of erased users are refused. When this returns, every
   * stored event is durably committed.
   *
   * @param appId the application
   * @param events the batch
   * @return counts of stored, duplicate and refused events
   */
  public IngestResult ingest(String appId, List<Event> events) {
    requireApp(appId);
    for (Event e : events) {
      checkId("event id", e.eventId());
      checkId("user id", e.userId());
      checkId("item id", e.itemId());
    }
    long now = System.currentTimeMillis();
    return write(
        c -> {
          Set<String> users = new HashSet<>();
          for (Event e : events) {
            users.add(e.userId());
          }
          Set<String> erased = erasedAmong(c, appId, users);
          List<String> rejected = new ArrayList<>();
          List<Event> keep = new ArrayList<>(events.size());
          for (Event e : events) {
            if (erased.contains(e.userId())) {
              rejected.add(e.eventId());
            } else {
              keep.add(e);
            }
          }
          int stored = 0;
          for (int start = 0; start < keep.size(); start += ROWS_PER_INSERT) {
            List<Event> chunk = keep.subList(start, Math.min(keep.size(), start + ROWS_PER_INSERT));
            StringBuilder sql =
                new StringBuilder(
                    "INSERT INTO events (app_id, event_id, user_id, item_id, type, value, ts,"
                        + " received_at) VALUES ");
            for (int k = 0; k < chunk.size(); k++) {
              sql.append(k == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            }
            sql.append(" ON CONFLICT (app_id, event_id) DO NOTHING RETURNING event_id");
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
              int i = 1;
              for (Event e : chunk) {
                p.setString(i++, appId);
                p.setString(i++, e.eventId());
                p.setString(i++, e.userId());
                p.setString(i++, e.itemId());
                p.setString(i++, e.type().id());
                if (Double.isNaN(e.value())) {
                  p.setNull(i++, java.sql.Types.DOUBLE);
                } else {
                  p.setDouble(i++, e.value());
                }
                p.setLong(i++, e.timestamp());
                p.setLong(i++, now);
              }
              try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                  stored++;
                }
              }
            }
          }
          return new IngestResult(stored, keep.size() - stored, rejected);
        });
  }

  /** Which of these users are erased (one cheap query when the application has none). */
  private static Set<String> erasedAmong(Connection c, String appId, Set<String> users)
      throws SQLException {
    Set<String> erased = new HashSet<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT 1 FROM erased_users WHERE app_id = ? LIMIT 1")) {
      p.setString(1, appId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return erased;
        }
      }
    }
    List<String> all = new ArrayList<>(users);
    for (int start = 0; start < all.size(); start += IDS_PER_QUERY) {
      List<String> chunk = all.subList(start, Math.min(all.size(), start + IDS_PER_QUERY));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT user_id FROM erased_users WHERE app_id = ? AND user_id IN (" + marks + ")")) {
        p.setString(1, appId);
        for (int k = 0; k < chunk.size(); k++) {
          p.setString(k + 2, chunk.get(k));
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            erased.add(rs.getString(1));
          }
        }
      }
    }
    return erased;
  }

  /**
   * Streams every event of an application in the order they were stored.
   *
   * @param appId the application
   * @param sink receives each event
   */
  public void forEachEvent(String appId, Consumer<Event> sink) {
    read(
        c -> {
          boolean auto = c.getAutoCommit();
          c.setAutoCommit(false); // lets PostgreSQL stream with a cursor
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT event_id, user_id, item_id, type, value, ts FROM events WHERE app_id = ?"
                      + " ORDER BY seq")) {
            p.setFetchSize(10_000);
            p.setString(1, appId);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                sink.accept(event(rs));
              }
            }
          } finally {
            c.commit();
            c.setAutoCommit(auto);
          }
          return null;
        });
  }

  /**
   * Streams the events of an application received at or after a time, in the order they were stored
   * (to catch a freshly loaded model up with what happened since its training data was read).
   *
   * @param appId the application
   * @param receivedAt epoch milliseconds
   * @param sink receives each event
   */
  public void forEachEventSince(String appId, long receivedAt, Consumer<Event> sink) {
    read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT event_id, user_id, item_id, type, value, ts FROM events WHERE app_id = ?"
                      + " AND received_at >= ? ORDER BY seq")) {
            p.setString(1, appId);
            p.setLong(2, receivedAt);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                sink.accept(event(rs));
              }
            }
          }
          return null;
        });
  }

  /**
   * Counts an application's events.
   *
   * @param appId the application
   * @return the count
   */
  public long eventCount(String appId) {
    return read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT COUNT(*) FROM events WHERE app_id = ?")) {
            p.setString(1, appId);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private static Event event(ResultSet rs) throws SQLException {
    double v = rs.getDouble(5);
    if (rs.wasNull()) {
      v = Double.NaN;
    }
    return new Event(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        EventType.parse(rs.getString(4)),
        v,
        rs.getLong(6));
  }

  // ---------------------------------------------------------------- models

  /**
   * Stores a new model version (the next number for the application).
   *
   * @param appId the application
   * @param algorithm algorithm name
   * @param cardJson the model card as JSON
   * @param data the model file's bytes
   * @param snapshotAt epoch milliseconds when its training data was read (events received later are
   *     not in it)
   * @return the stored version
   */
  public ModelVersion saveModel(
      String appId, String algorithm, String cardJson, byte[] data, long snapshotAt) {
    requireApp(appId);
    long now = System.currentTimeMillis();
    int version =
        write(
            c -> {
              int v;
              try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT COALESCE(MAX(version), 0) + 1 FROM models WHERE app_id = ?")) {
                p.setString(1, appId);
                try (ResultSet rs = p.executeQuery()) {
                  rs.next();
                  v = rs.getInt(1);
                }
              }
              try (PreparedStatement p =
                  c.prepareStatement(
                      "INSERT INTO models (app_id, version, algorithm, card, data, snapshot_at,"
                          + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, appId);
                p.setInt(2, v);
                p.setString(3, algorithm);
                p.setString(4, cardJson);
                p.setBytes(5, data);
                p.setLong(6, snapshotAt);
                p.setLong(7, now);
                p.executeUpdate();
              }
              return v;
            });
    return new ModelVersion(appId, version, algorithm, cardJson, data.length, snapshotAt, now);
  }

  /**
   * Lists an application's model versions, newest first.
   *
   * @param appId the application
   * @return versions without their bytes
   */
  public List<ModelVersion> models(String appId) {
    return read(
        c -> {
          List<ModelVersion> out = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT version, algorithm, card, LENGTH(data), snapshot_at, created_at FROM"
                      + " models WHERE app_id = ? ORDER BY version DESC")) {
            p.setString(1, appId);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new ModelVersion(
                        appId,
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)));
              }
            }
          }
          return out;
        });
  }

  /**
   * Returns a model version's file bytes.
   *
   * @param appId the application
   * @param version the version
   * @return the bytes, if the version exists
   */
  public Optional<byte[]> modelData(String appId, int version) {
    return read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT data FROM models WHERE app_id = ? AND version = ?")) {
            p.setString(1, appId);
            p.setInt(2, version);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Makes a version the one that serves, remembering the previous one for rollback.
   *
   * @param appId the application
   * @param version an existing version
   * @return the deployment
   * @throws InputException if the version does not exist
   */
  public Deployment deploy(String appId, int version) {
    long now = System.currentTimeMillis();
    return write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT 1 FROM models WHERE app_id = ? AND version = ?")) {
            p.setString(1, appId);
            p.setInt(2, version);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                throw new InputException(
                    "Model version " + version + " of '" + appId + "' does not exist.");
              }
            }
          }
          int previous = deployment(c, appId).map(Deployment::version).orElse(0);
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO deployments (app_id, version, previous, deployed_at) VALUES (?, ?,"
                      + " ?, ?) ON CONFLICT (app_id) DO UPDATE SET version = excluded.version,"
                      + " previous = excluded.previous, deployed_at = excluded.deployed_at")) {
            p.setString(1, appId);
            p.setInt(2, version);
            p.setInt(3, previous);
            p.setLong(4, now);
            p.executeUpdate();
          }
          return new Deployment(appId, version, previous, now);
        });
  }

  /**
   * Returns the current deployment.
   *
   * @param appId the application
   * @return the deployment, if any
   */
  public Optional<Deployment> deployment(String appId) {
    return read(c -> deployment(c, appId));
  }

  private static Optional<Deployment> deployment(Connection c, String appId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT version, previous, deployed_at FROM deployments WHERE app_id = ?")) {
      p.setString(1, appId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next()
            ? Optional.of(new Deployment(appId, rs.getInt(1), rs.getInt(2), rs.getLong(3)))
            : Optional.empty();
      }
    }
  }

  // ---------------------------------------------------------------- text embeddings

  /** The most content hashes looked up in one query. */
  private static final int EMBEDDING_CHUNK = 500;

  /**
   * Looks up cached text embeddings (the cache of {@code seer-text}, shared by all applications).
   *
   * @param hashes content hashes
   * @return the vectors found, by hash
   */
  public Map<String, float[]> textEmbeddings(Collection<String> hashes) {
    List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(hashes));
    Map<String, float[]> out = new java.util.HashMap<>();
    for (int from = 0; from < all.size(); from += EMBEDDING_CHUNK) {
      List<String> part = all.subList(from, Math.min(all.size(), from + EMBEDDING_CHUNK));
      read(
          c -> {
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement p =
                c.prepareStatement(
                    "SELECT content_hash, dim, vector FROM text_embeddings WHERE content_hash IN ("
                        + marks
                        + ")")) {
              for (int k = 0; k < part.size(); k++) {
                p.setString(k + 1, part.get(k));
              }
              try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                  int dim = rs.getInt(2);
                  java.nio.FloatBuffer fb =
                      java.nio.ByteBuffer.wrap(rs.getBytes(3)).asFloatBuffer();
                  if (fb.remaining() != dim) {
                    throw new SQLException(
                        "corrupt text embedding " + rs.getString(1) + ": " + fb.remaining());
                  }
                  float[] v = new float[dim];
                  fb.get(v);
                  out.put(rs.getString(1), v);
                }
              }
            }
            return null;
          });
    }
    return out;
  }

  /**
   * Stores text embeddings; a hash already present is kept (the same hash means the same model and
   * text, so the same vector).
   *
   * @param model the embedding model id
   * @param vectors vectors by content hash
   */
  public void putTextEmbeddings(String model, Map<String, float[]> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO text_embeddings (content_hash, model, dim, vector, created_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING")) {
            for (Map.Entry<String, float[]> e : vectors.entrySet()) {
              float[] v = e.getValue();
              java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length);
              b.asFloatBuffer().put(v);
              p.setString(1, e.getKey());
              p.setString(2, model);
              p.setInt(3, v.length);
              p.setBytes(4, b.array());
              p.setLong(5, now);
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  /**
   * Returns how many text embeddings are cached.
   *
   * @return the count
   */
  public long textEmbeddingCount() {
    return read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM text_embeddings")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  // ---------------------------------------------------------------- plumbing

  /** Work on a connection. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("The database failed: " + e.getMessage(), e);
    }
  }

  /** Runs a write in one transaction (SQLite: one writer at a time). */
  private <T> T write(Work<T> work) {
    boolean sqlite = dialect == Dialect.SQLITE;
    if (sqlite) {
      writeLock.lock();
    }
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T out = work.run(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("The database failed: " + e.getMessage(), e);
    } finally {
      if (sqlite) {
        writeLock.unlock();
      }
    }
  }

  private void requireApp(String appId) {
    if (app(appId).isEmpty()) {
      throw new InputException("The application '" + appId + "' does not exist.");
    }
  }

  private static void checkId(String what, String id) {
    if (id == null || id.isEmpty()) {
      throw new InputException(
          "An event or entity has an empty " + what + "; give a non-empty id.");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new InputException(
          "The "
              + what
              + " '"
              + id.substring(0, 20)
              + "...' is "
              + id.length()
              + " characters long; the limit is "
              + MAX_ID_LENGTH
              + ".");
    }
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T parse(String s, TypeReference<T> type) {
    try {
      return JSON.readValue(s, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON in the store: " + s, e);
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
