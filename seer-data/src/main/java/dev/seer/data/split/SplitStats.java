package dev.seer.data.split;

import dev.seer.api.Interactions;
import dev.seer.api.Split;

/**
 * Sizes of a split's parts and how much of the test part is unseen in train.
 *
 * @param name the split's name
 * @param train train part
 * @param validation validation part
 * @param test test part
 * @param foldIn fold-in part
 * @param testUsersUnseenInTrain test users with no train rows
 * @param testItemsUnseenInTrain test items with no train rows
 * @param testRowsWithUnseenUser test rows whose user has no train rows
 * @param testRowsWithUnseenItem test rows whose item has no train rows
 */
public record SplitStats(
    String name,
    Part train,
    Part validation,
    Part test,
    Part foldIn,
    int testUsersUnseenInTrain,
    int testItemsUnseenInTrain,
    long testRowsWithUnseenUser,
    long testRowsWithUnseenItem) {

  /**
   * Size of one part.
   *
   * @param rows rows
   * @param users distinct users with rows
   * @param items distinct items with rows
   */
  public record Part(long rows, int users, int items) {
    static Part of(Interactions d) {
      return new Part(
          d.size(), distinct(d.userColumn(), d.numUsers()), distinct(d.itemColumn(), d.numItems()));
    }

    @Override
    public String toString() {
      return rows + " rows, " + users + " users, " + items + " items";
    }
  }

  /**
   * Computes the statistics of a split.
   *
   * @param split the split
   * @return its statistics
   */
  public static SplitStats of(Split split) {
    Interactions train = split.train();
    Interactions test = split.test();
    boolean[] trainUser = present(train.userColumn(), train.numUsers());
    boolean[] trainItem = present(train.itemColumn(), train.numItems());
    boolean[] testUser = present(test.userColumn(), test.numUsers());
    boolean[] testItem = present(test.itemColumn(), test.numItems());
    int unseenUsers = 0;
    for (int u = 0; u < testUser.length; u++) {
      if (testUser[u] && !trainUser[u]) {
        unseenUsers++;
      }
    }
    int unseenItems = 0;
    for (int i = 0; i < testItem.length; i++) {
      if (testItem[i] && !trainItem[i]) {
        unseenItems++;
      }
    }
    long rowsUnseenUser = 0;
    long rowsUnseenItem = 0;
    for (int k = 0; k < test.size(); k++) {
      if (!trainUser[test.user(k)]) {
        rowsUnseenUser++;
      }
      if (!trainItem[test.item(k)]) {
        rowsUnseenItem++;
      }
    }
    return new SplitStats(
        split.name(),
        Part.of(train),
        Part.of(split.validation()),
        Part.of(test),
        Part.of(split.foldIn()),
        unseenUsers,
        unseenItems,
        rowsUnseenUser,
        rowsUnseenItem);
  }

  /**
   * Returns a few lines for reports and the CLI.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append("split: ").append(name).append('\n');
    b.append("train: ").append(train).append('\n');
    b.append("validation: ").append(validation).append('\n');
    b.append("test: ").append(test).append('\n');
    if (foldIn.rows() > 0) {
      b.append("fold-in: ").append(foldIn).append('\n');
    }
    b.append("unseen in train: ")
        .append(testUsersUnseenInTrain)
        .append(" test users (")
        .append(testRowsWithUnseenUser)
        .append(" test rows), ")
        .append(testItemsUnseenInTrain)
        .append(" test items (")
        .append(testRowsWithUnseenItem)
        .append(" test rows)");
    return b.toString();
  }

  private static boolean[] present(int[] column, int size) {
    boolean[] p = new boolean[size];
    for (int x : column) {
      p[x] = true;
    }
    return p;
  }

  private static int distinct(int[] column, int size) {
    int c = 0;
    for (boolean b : present(column, size)) {
      if (b) {
        c++;
      }
    }
    return c;
  }
}
