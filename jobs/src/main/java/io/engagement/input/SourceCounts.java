package io.engagement.input;

/**
 * How many rows of one source a run read, accepted and rejected; {@code job_runs} shows them and
 * the quality gate judges them. The three are counted independently ({@link RowAccounting}), so
 * {@code input = accepted + rejected} is a check, not a definition: a run whose counts do not
 * balance has lost or invented rows and fails.
 */
public record SourceCounts(String source, long input, long accepted, long rejected) {

  /** A source with no rows at all (e.g. a day without survey responses). */
  public static SourceCounts empty(String source) {
    return new SourceCounts(source, 0, 0, 0);
  }

  /** True when every input row is either accepted or rejected, once. */
  public boolean balanced() {
    return input == accepted + rejected;
  }
}
