/**
 * Dataset readers: MovieLens (100K, latest-small CSV, 1M and its derived pairs), Amazon review JSON
 * lines (2014 and 2018 fields) and generic CSV/TSV/JSON lines with a column mapping.
 *
 * <p>Start at {@link dev.seer.data.io.DatasetReaders}. Every reader parses bytes by hand (no
 * per-line {@code String.split}), reads {@code .gz} input transparently (detected by its magic
 * bytes), reports every malformed line as a {@link dev.seer.api.DataFormatException} with file and
 * line, and returns a {@link dev.seer.data.io.ReadReport} per file that counts lines, accepted and
 * skipped records.
 */
package dev.seer.data.io;
