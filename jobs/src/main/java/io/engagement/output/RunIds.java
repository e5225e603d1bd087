package io.engagement.output;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Run ids that a person can read in a table and still never collide: when the run started (UTC),
 * which day it ran for, and 8 random hex digits for runs started in the same second, e.g.
 * {@code 20261103T101500Z-20261102-9f3a0c1e}. They sort by start time.
 */
public final class RunIds {
  private static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String newRunId(LocalDate day, Instant now) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    return STARTED.format(now) + "-" + DAY.format(day) + "-" + HexFormat.of().formatHex(random);
  }
}
