package dev.seer.data.io;

import dev.seer.api.Interactions;
import dev.seer.api.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** State shared by the readers of one load: options, rows, id mappers and the reports so far. */
final class ReadContext {
  final ReadOptions options;
  final ProgressListener progress;
  final Interactions.Builder rows = new Interactions.Builder();
  final IdMapper users = new IdMapper(rows.users());
  final IdMapper items = new IdMapper(rows.items());
  final List<ReadReport> reports = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  ReadContext(ReadOptions options, ProgressListener progress) {
    this.options = options == null ? ReadOptions.strict() : options;
    this.progress = progress == null ? ProgressListener.NONE : progress;
  }

  /**
   * Adds one interaction after every field was checked (so a bad row leaves no trace in the id
   * indices).
   */
  void addRow(Fields f, int userField, int itemField, float rating, long time) {
    f.requireId(userField, "user id");
    f.requireId(itemField, "item id");
    int u = users.index(f, userField, "user id");
    int i = items.index(f, itemField, "item id");
    rows.addIndexed(u, i, rating, time);
  }
}
