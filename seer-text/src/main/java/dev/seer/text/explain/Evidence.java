package dev.seer.text.explain;

import java.util.List;

/**
 * What supports one recommendation, in words; nothing else is ever sent to a language model.
 *
 * @param itemTitle the recommended item's title
 * @param likedTitles titles of the user's items that drove the score (personal data), best first
 * @param terms content terms the item shares with those items or the request
 * @param highlights short review sentences about the item
 * @param popular whether popularity is a reason
 */
public record Evidence(
    String itemTitle,
    List<String> likedTitles,
    List<String> terms,
    List<String> highlights,
    boolean popular) {
  /** Copies the lists and replaces nulls. */
  public Evidence {
    itemTitle = itemTitle == null ? "" : itemTitle;
    likedTitles = likedTitles == null ? List.of() : List.copyOf(likedTitles);
    terms = terms == null ? List.of() : List.copyOf(terms);
    highlights = highlights == null ? List.of() : List.copyOf(highlights);
  }

  /**
   * Returns the evidence without personal data: the user's items are left out.
   *
   * @return the evidence with no liked titles
   */
  public Evidence withoutPersonalData() {
    return new Evidence(itemTitle, List.of(), terms, highlights, popular);
  }
}
