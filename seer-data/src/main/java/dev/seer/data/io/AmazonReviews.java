package dev.seer.data.io;

import dev.seer.api.Interactions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon review JSON lines, 2014 fields ({@code reviewerID, asin, overall, unixReviewTime,
 * reviewText, summary, reviewerName, helpful}) and 2018 fields (the same plus {@code vote,
 * verified, style, image}, which are skipped). Each review is a rating; summaries and review texts
 * are aggregated per item, up to {@link ItemDrafts#MAX_TEXT} characters; the item's {@code reviews}
 * attribute counts its reviews and reviewer names become the user attribute {@code name}.
 */
final class AmazonReviews {
  private static final List<String> SLOTS =
      List.of(
          "reviewerID",
          "asin",
          "overall",
          "unixReviewTime",
          "summary",
          "reviewText",
          "reviewerName");

  private AmazonReviews() {}

  static void read(
      Path file, ReadContext ctx, ItemDrafts items, Map<String, Map<String, String>> users) {
    Map<String, int[]> reviewCount = new HashMap<>();
    JsonLines.read(
        file,
        SLOTS,
        ctx,
        (f, json) -> {
          for (int k = 0; k < 3; k++) {
            if (!json.present(k)) {
              throw new LineError("the field '" + json.name(k) + "' is missing");
            }
          }
          float r = f.parseRating(2, 1f, 5f);
          long t = json.present(3) ? f.parseLong(3, "unixReviewTime") : Interactions.NO_TIME;
          String summary = json.present(4) ? f.text(4) : "";
          String text = json.present(5) ? f.text(5) : "";
          String name = json.present(6) ? f.text(6).strip() : "";
          ctx.addRow(f, 0, 1, r, t);
          String asin = f.text(1);
          reviewCount.computeIfAbsent(asin, k -> new int[1])[0]++;
          String piece =
              summary.isBlank() ? text : text.isBlank() ? summary : summary.strip() + ". " + text;
          items.appendText(asin, piece, "\n");
          if (!name.isEmpty()) {
            users.computeIfAbsent(f.text(0), k -> new LinkedHashMap<>()).putIfAbsent("name", name);
          }
        });
    for (Map.Entry<String, int[]> e : reviewCount.entrySet()) {
      items.get(e.getKey()).attributes.put("reviews", Integer.toString(e.getValue()[0]));
    }
  }
}
