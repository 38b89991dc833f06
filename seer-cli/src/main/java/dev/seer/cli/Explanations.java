package dev.seer.cli;

import dev.seer.api.Explainable;
import dev.seer.api.IdIndex;
import dev.seer.api.ItemInfo;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a model's evidence into short sentences with item titles. */
final class Explanations {
  private Explanations() {}

  static String title(IdIndex items, int item, Map<String, ItemInfo> meta) {
    String id = items.id(item);
    ItemInfo info = meta.get(id);
    return info == null || info.title().isEmpty() ? id : info.title();
  }

  /** One line of reasons for a recommended item, or empty when the model has none. */
  static String reasons(Recommender model, int user, int item, Map<String, ItemInfo> meta) {
    if (!(model instanceof Explainable e) || user < 0) {
      return "";
    }
    return describe(e.explain(user, item, 3), model.items(), meta);
  }

  static String describe(List<Reason> reasons, IdIndex items, Map<String, ItemInfo> meta) {
    List<String> because = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (Reason r : reasons) {
      switch (r.kind()) {
        case "item":
          because.add(
              String.format(
                  Locale.ROOT, "%s (%.2f)", title(items, r.item(), meta), r.contribution()));
          break;
        case "feature":
          other.add("matches " + r.feature());
          break;
        case "popularity":
          other.add(String.format(Locale.ROOT, "popular: %.0f users", r.contribution()));
          break;
        case "baseline":
          break;
        case "part":
          other.add(String.format(Locale.ROOT, "rest of %s (%.2f)", r.feature(), r.contribution()));
          break;
        default:
          other.add(r.kind());
      }
    }
    StringBuilder sb = new StringBuilder();
    if (!because.isEmpty()) {
      sb.append("because you liked ").append(String.join(", ", because));
    }
    for (String s : other) {
      sb.append(sb.length() == 0 ? "" : "; ").append(s);
    }
    return sb.toString();
  }
}
