-- Seer store schema, version 2: the text-embedding cache of seer-text. One row per content hash
-- (SHA-256 of the embedding model id, a zero byte and the text), shared by all applications. The
-- vector is dim big-endian IEEE-754 floats.
CREATE TABLE text_embeddings (
  content_hash TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  dim INTEGER NOT NULL,
  vector ${blob} NOT NULL,
  created_at BIGINT NOT NULL
);
