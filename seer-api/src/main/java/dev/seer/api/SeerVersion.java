package dev.seer.api;

/** The running Seer version, read from the jar manifest when there is one. */
public final class SeerVersion {
  private SeerVersion() {}

  /**
   * Returns the Seer version.
   *
   * @return the implementation version of the API jar, or {@code "dev"} when run from classes
   */
  public static String get() {
    String v = SeerVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
