package dev.seer.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every store backend must do; run against a real SQLite file and a real PostgreSQL. */
abstract class StoreContract {
  /** The store under test, fresh for each test. */
  abstract Store store();

  private static Event view(String id, String user, String item, long t) {
    return new Event(id, user, item, EventType.VIEW, Double.NaN, t);
  }

  @Test
  void applicationsAreCreatedOnceAndListed() {
    Store s = store();
    s.createApp("shop", "The shop");
    s.createApp("news", null);
    assertEquals(List.of("news", "shop"), s.apps().stream().map(App::id).toList());
    assertEquals("news", s.app("news").orElseThrow().name());
    InputException dup = assertThrows(InputException.class, () -> s.createApp("shop", "x"));
    assertTrue(dup.getMessage().contains("exists already"));
    assertThrows(InputException.class, () -> s.createApp("Bad Id!", "x"));
  }

  @Test
  void keysAreStoredAsHashesAndCanBeRevoked() {
    Store s = store();
    s.createApp("shop", "shop");
    NewKey k = s.createKey("shop", Role.INGEST);
    KeyGrant g = s.authenticate(k.secret()).orElseThrow();
    assertEquals("shop", g.appId());
    assertEquals(Role.INGEST, g.role());
    assertTrue(s.authenticate(k.secret() + "x").isEmpty());
    assertTrue(s.authenticate("").isEmpty());
    assertTrue(s.revokeKey("shop", k.keyId()));
    assertTrue(s.authenticate(k.secret()).isEmpty());
    assertTrue(Role.ADMIN.allows(Role.READ));
    assertFalse(Role.READ.allows(Role.INGEST));
  }

  @Test
  void eventsAreIdempotentByClientId() {
    Store s = store();
    s.createApp("shop", "shop");
    List<Event> batch = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      batch.add(view("e" + i, "u" + (i % 7), "i" + (i % 11), 1000 + i));
    }
    batch.add(new Event("r1", "u1", "i1", EventType.RATING, 4.5, 5000));
    batch.add(view("e3", "u3", "i3", 1003)); // duplicate inside the batch
    IngestResult first = s.ingest("shop", batch);
    assertEquals(251, first.stored());
    assertEquals(1, first.duplicates());
    IngestResult again = s.ingest("shop", batch.subList(0, 100));
    assertEquals(0, again.stored());
    assertEquals(100, again.duplicates());
    assertEquals(251, s.eventCount("shop"));
    List<Event> all = new ArrayList<>();
    s.forEachEvent("shop", all::add);
    assertEquals(251, all.size());
    assertEquals("e0", all.get(0).eventId());
    Event r = all.stream().filter(e -> e.eventId().equals("r1")).findFirst().orElseThrow();
    assertEquals(4.5, r.value());
    assertEquals(EventType.RATING, r.type());
    assertTrue(Double.isNaN(all.get(0).value()));
  }

  @Test
  void applicationsAreIsolated() {
    Store s = store();
    s.createApp("a", "a");
    s.createApp("b", "b");
    s.ingest("a", List.of(view("same-id", "u", "i", 1)));
    assertEquals(1, s.ingest("b", List.of(view("same-id", "u", "i", 1))).stored());
    s.upsertItems("a", List.of(new CatalogItem(ItemInfo.of("i", "A's item", List.of()), true, 1)));
    assertTrue(s.item("b", "i").isEmpty());
    assertEquals(1, s.eventCount("b"));
    assertThrows(InputException.class, () -> s.ingest("missing", List.of(view("x", "u", "i", 1))));
  }

  @Test
  void catalogueUpsertsAndDeletes() {
    Store s = store();
    s.createApp("shop", "shop");
    ItemInfo a =
        new ItemInfo(
            "i1", "Guitar", List.of("music", "strings"), "six strings", Map.of("brand", "X"));
    s.upsertItems("shop", List.of(new CatalogItem(a, true, 10)));
    CatalogItem first = s.item("shop", "i1").orElseThrow();
    assertEquals(a, first.info());
    assertTrue(first.available());
    ItemInfo a2 = new ItemInfo("i1", "Guitar v2", List.of("music"), "", Map.of());
    s.upsertItems(
        "shop",
        List.of(
            new CatalogItem(a2, false, 20),
            new CatalogItem(ItemInfo.of("i2", "Drum", List.of("music")), true, 20)));
    CatalogItem got = s.item("shop", "i1").orElseThrow();
    assertEquals("Guitar v2", got.info().title());
    assertFalse(got.available());
    List<String> ids = new ArrayList<>();
    s.forEachItem("shop", it -> ids.add(it.info().id()));
    assertEquals(List.of("i1", "i2"), ids);
    assertEquals(1, s.deleteItems("shop", List.of("i2", "nope")));
    assertTrue(s.item("shop", "i2").isEmpty());
    assertEquals(Map.of(), s.item("shop", "i1").orElseThrow().info().attributes());
  }

  @Test
  void erasingAUserDeletesEverythingAndRefusesLaterEvents() {
    Store s = store();
    s.createApp("shop", "shop");
    s.upsertUser("shop", "alice", Map.of("country", "NZ"));
    s.ingest("shop", List.of(view("1", "alice", "i", 1), view("2", "bob", "i", 2)));
    UserData before = s.exportUser("shop", "alice");
    assertEquals(Map.of("country", "NZ"), before.attributes());
    assertEquals(1, before.events().size());
    assertEquals(1, s.eraseUser("shop", "alice"));
    UserData after = s.exportUser("shop", "alice");
    assertTrue(after.erased());
    assertTrue(after.events().isEmpty());
    assertTrue(after.attributes().isEmpty());
    IngestResult r =
        s.ingest("shop", List.of(view("3", "alice", "i", 3), view("4", "bob", "j", 4)));
    assertEquals(List.of("3"), r.rejected());
    assertEquals(1, r.stored());
    s.upsertUser("shop", "alice", Map.of()); // created again: welcome back
    assertEquals(1, s.ingest("shop", List.of(view("5", "alice", "i", 5))).stored());
  }

  @Test
  void modelVersionsDeployAndRollBack() {
    Store s = store();
    s.createApp("shop", "shop");
    ModelVersion v1 = s.saveModel("shop", "item-knn", "{\"a\":1}", new byte[] {1, 2, 3}, 5);
    ModelVersion v2 = s.saveModel("shop", "popularity", "{}", new byte[] {4}, 6);
    assertEquals(1, v1.version());
    assertEquals(2, v2.version());
    assertEquals(List.of(2, 1), s.models("shop").stream().map(ModelVersion::version).toList());
    assertEquals(3, s.models("shop").get(1).bytes());
    assertEquals(5, s.models("shop").get(1).snapshotAt());
    assertArrayEquals(new byte[] {1, 2, 3}, s.modelData("shop", 1).orElseThrow());
    assertTrue(s.deployment("shop").isEmpty());
    s.deploy("shop", 1);
    Deployment d = s.deploy("shop", 2);
    assertEquals(2, d.version());
    assertEquals(1, d.previous());
    assertThrows(InputException.class, () -> s.deploy("shop", 9));
  }

  @Test
  void overlongIdsAreRefusedWithTheLimit() {
    Store s = store();
    s.createApp("shop", "shop");
    String longId = "x".repeat(Store.MAX_ID_LENGTH + 1);
    InputException e =
        assertThrows(
            InputException.class, () -> s.ingest("shop", List.of(view(longId, "u", "i", 1))));
    assertTrue(e.getMessage().contains("limit is " + Store.MAX_ID_LENGTH), e.getMessage());
    assertEquals(0, s.eventCount("shop"));
  }

  @Test
  void textEmbeddingsAreCachedByHashAndKeptOnRepeat() {
    Store s = store();
    assertEquals(0, s.textEmbeddingCount());
    s.putTextEmbeddings("m", Map.of("h1", new float[] {1f, -0.5f}, "h2", new float[] {0.25f}));
    s.putTextEmbeddings("m", Map.of("h1", new float[] {9f, 9f}));
    assertEquals(2, s.textEmbeddingCount());
    Map<String, float[]> got = s.textEmbeddings(List.of("h1", "h3", "h2", "h1"));
    assertEquals(java.util.Set.of("h1", "h2"), got.keySet());
    assertArrayEquals(new float[] {1f, -0.5f}, got.get("h1"));
    assertArrayEquals(new float[] {0.25f}, got.get("h2"));
    List<String> many = new ArrayList<>();
    for (int k = 0; k < 1203; k++) {
      many.add("k" + k);
    }
    Map<String, float[]> batch = new java.util.HashMap<>();
    for (String k : many) {
      batch.put(k, new float[] {k.length()});
    }
    s.putTextEmbeddings("m", batch);
    assertEquals(1205, s.textEmbeddingCount());
    assertEquals(1203, s.textEmbeddings(many).size(), "looked up in several chunks");
  }
}
