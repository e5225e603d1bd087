package io.engagement.input;

/**
 * How many rows of one source a run read, accepted and rejected; {@code job_runs} shows them and
 * the quality gate judges them. {@code input = accepted + rejected} always.
 */
public record SourceCounts(String source, long input, long accepted, long rejected) {
  public SourceCounts {
    if (input != accepted + rejected) {
      throw new IllegalArgumentException(
          source + ": input " + input + " != accepted " + accepted + " + rejected " + rejected);
    }
  }

  /** A source with no rows at all (e.g. a day without survey responses). */
  public static SourceCounts empty(String source) {
    return new SourceCounts(source, 0, 0, 0);
  }
}
