-- Seer store schema, version 1. ${...} placeholders are filled in per database (see Dialect).
CREATE TABLE apps (
  app_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE api_keys (
  key_id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE TABLE items (
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  title TEXT NOT NULL,
  categories TEXT NOT NULL,
  body TEXT NOT NULL,
  attributes TEXT NOT NULL,
  available ${boolean} NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (app_id, item_id)
);

CREATE TABLE users (
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  attributes TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (app_id, user_id)
);

CREATE TABLE erased_users (
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  erased_at BIGINT NOT NULL,
  PRIMARY KEY (app_id, user_id)
);

CREATE TABLE events (
  seq ${bigserial},
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  type TEXT NOT NULL,
  value DOUBLE PRECISION,
  ts BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  UNIQUE (app_id, event_id)
);
CREATE INDEX events_by_user ON events (app_id, user_id);

CREATE TABLE models (
  app_id TEXT NOT NULL REFERENCES apps(app_id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  algorithm TEXT NOT NULL,
  card TEXT NOT NULL,
  data ${blob} NOT NULL,
  snapshot_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (app_id, version)
);

CREATE TABLE deployments (
  app_id TEXT PRIMARY KEY REFERENCES apps(app_id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  previous INTEGER,
  deployed_at BIGINT NOT NULL
);
