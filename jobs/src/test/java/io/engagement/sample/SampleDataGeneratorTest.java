package io.engagement.sample;

import static io.engagement.input.InputSchemas.CHANNEL;
import static io.engagement.input.InputSchemas.EVENTS;
import static io.engagement.input.InputSchemas.EVENTS_SCHEMA;
import static io.engagement.input.InputSchemas.EVENT_ID;
import static io.engagement.input.InputSchemas.EVENT_TIME;
import static io.engagement.input.InputSchemas.EVENT_TYPE;
import static io.engagement.input.InputSchemas.RESPONSE_ID;
import static io.engagement.input.InputSchemas.RESPONSE_TIME;
import static io.engagement.input.InputSchemas.SCORE;
import static io.engagement.input.InputSchemas.SESSION_ID;
import static io.engagement.input.InputSchemas.SIGNUP_DATE;
import static io.engagement.input.InputSchemas.SURVEYS;
import static io.engagement.input.InputSchemas.SURVEYS_SCHEMA;
import static io.engagement.input.InputSchemas.USERS;
import static io.engagement.input.InputSchemas.USER_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagement.errors.EngagementException;
import io.engagement.errors.ExitCode;
import io.engagement.input.InputSchemas;
import io.engagement.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates a small world (3 days from Thursday 2026-10-01, 200 users, 2,000 events a day) twice
 * with seed 42 and its first day with seed 7, plus one survey-heavy day; reads the files back with
 * Spark once and checks the rows in Java.
 */
class SampleDataGeneratorTest {
  private static final LocalDate FROM = LocalDate.parse("2026-10-01");
  private static final LocalDate TO = LocalDate.parse("2026-10-03");
  private static final List<LocalDate> DAYS = List.of(FROM, FROM.plusDays(1), TO);
  private static final int USER_COUNT = 200;
  private static final int EVENTS_PER_DAY = 2000;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long MICROS_PER_MINUTE = 60_000_000L;

  @TempDir static Path tmp;
  private static SparkSession spark;
  private static Path first;
  private static SampleDataSummary summary;
  private static final Map<LocalDate, Dataset<Row>> eventFrames = new LinkedHashMap<>();
  private static final Map<LocalDate, List<Row>> eventsByDay = new LinkedHashMap<>();
  private static Dataset<Row> usersFrame;
  private static List<Row> users;
  private static Dataset<Row> surveysFrame;
  private static List<Row> surveys;

  @BeforeAll
  static void generateAndRead() {
    spark = SparkTestSession.get();
    first = tmp.resolve("first");
    summary = SampleDataGenerator.generate(spec(first, FROM, TO, 42), line -> {});
    for (LocalDate day : DAYS) {
      Dataset<Row> frame = read(first, EVENTS + "/date=" + day);
      eventFrames.put(day, frame);
      eventsByDay.put(day, frame.collectAsList());
    }
    usersFrame = read(first, USERS);
    users = usersFrame.collectAsList();
    // 2026-10-01 is the day of the first relationship campaign: with 60,000 users about
    // 60,000 * (0.9 * 1.5% + 0.1 * 0.5%) * 55% (answered on day 0) = 462 responses, room for
    // 462 / 40 = 11 bad rows, capped at max(8, 1% of 462) = 8: one of each kind.
    Path surveyDay = tmp.resolve("survey-day");
    SampleDataGenerator.generate(new SampleDataSpec(surveyDay.toString(), FROM, FROM, 60_000, 500, 42), line -> {});
    surveysFrame = read(surveyDay, SURVEYS + "/date=" + FROM);
    surveys = surveysFrame.collectAsList();
  }

  private static SampleDataSpec spec(Path out, LocalDate from, LocalDate to, long seed) {
    return new SampleDataSpec(out.toString(), from, to, USER_COUNT, EVENTS_PER_DAY, seed);
  }

  @Test
  void theSameSpecGivesTheSameFilesByteForByte() throws IOException {
    Path second = tmp.resolve("second");
    SampleDataGenerator.generate(spec(second, FROM, TO, 42), line -> {});
    List<Path> files = files(first);
    assertEquals(files, files(second));
    for (Path file : files) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file.toString());
    }
  }

  @Test
  void anotherSeedGivesOtherEvents() throws IOException {
    Path otherSeed = tmp.resolve("other-seed");
    SampleDataGenerator.generate(spec(otherSeed, FROM, FROM, 7), line -> {});
    Path events = Path.of(EVENTS, "date=" + FROM, "part-00000.parquet");
    assertFalse(Arrays.equals(Files.readAllBytes(first.resolve(events)), Files.readAllBytes(otherSeed.resolve(events))));
  }

  @Test
  void filesHaveStableNamesAndNoSparkLeftovers() throws IOException {
    List<Path> files = files(first);
    assertTrue(files.contains(Path.of(USERS, "part-00000.parquet")), files.toString());
    for (LocalDate day : DAYS) {
      assertTrue(files.contains(Path.of(EVENTS, "date=" + day, "part-00000.parquet")), files.toString());
    }
    for (Path file : files) {
      assertTrue(file.getFileName().toString().matches("part-\\d{5}\\.parquet"), file.toString());
    }
  }

  @Test
  void schemasAreExactlyTheInputSchemas() {
    for (Dataset<Row> events : eventFrames.values()) {
      assertEquals(EVENTS_SCHEMA, events.schema());
    }
    assertEquals(SURVEYS_SCHEMA, surveysFrame.schema());
    assertEquals(InputSchemas.usersSchema(List.of("plan", "region", "industry")), usersFrame.schema());
  }

  @Test
  void eachDayHasRoughlyTheRequestedEvents() {
    long total = 0;
    for (LocalDate day : DAYS) {
      int events = eventsByDay.get(day).size();
      // 2,000 a day on average over a week; weekdays 7 / (5 + 2 * 0.72) = 1.087 times that, the
      // weekend (Saturday 2026-10-03) 0.72 times a weekday: all within 2,000 +-30% = 1,400..2,600.
      assertTrue(events >= 1400 && events <= 2600, day + ": " + events);
      total += events;
    }
    assertEquals(total, summary.events());
  }

  @Test
  void eventsFallInTheirDayExceptTheDeliberateLateOnes() {
    for (LocalDate day : DAYS) {
      long dayStart = day.toEpochDay() * MICROS_PER_DAY;
      List<Long> outside =
          eventsByDay.get(day).stream()
              .map(row -> micros(row.getAs(EVENT_TIME)))
              .filter(Objects::nonNull)
              .filter(time -> time < dayStart || time >= dayStart + MICROS_PER_DAY)
              .toList();
      // One row in 125 is bad, one bad row in 7 is outside its day: about 2,000 / 875 = 2 a day.
      assertFalse(outside.isEmpty(), day + " has no row outside its day");
      // The deliberate ones are yesterday's last 20 minutes or tomorrow's first 10.
      for (long time : outside) {
        assertTrue(
            time >= dayStart - 20 * MICROS_PER_MINUTE && time < dayStart + MICROS_PER_DAY + 10 * MICROS_PER_MINUTE,
            day + ": " + Instant.EPOCH.plusNanos(time * 1000));
      }
    }
  }

  @Test
  void everyKindOfBadEventIsThere() {
    List<Row> events = eventsByDay.values().stream().flatMap(List::stream).toList();
    for (String required : InputSchemas.EVENTS_REQUIRED) {
      assertTrue(events.stream().anyMatch(row -> row.getAs(required) == null), "no null " + required);
    }
    List<Row> withId = events.stream().filter(row -> row.getAs(EVENT_ID) != null).toList();
    assertTrue(withId.size() > new HashSet<>(withId).size(), "no exact duplicate");
    Map<Object, Set<Object>> timesById =
        withId.stream().collect(Collectors.groupingBy(row -> row.getAs(EVENT_ID), Collectors.mapping(row -> row.getAs(EVENT_TIME), Collectors.toSet())));
    assertTrue(timesById.values().stream().anyMatch(times -> times.size() > 1), "no duplicate id with a later time");
  }

  @Test
  void badEventsStayWellUnderTheQualityGate() {
    for (LocalDate day : DAYS) {
      List<Row> events = eventsByDay.get(day);
      long missing = events.stream().filter(missingAny(InputSchemas.EVENTS_REQUIRED)).count();
      long withId = events.stream().filter(row -> row.getAs(EVENT_ID) != null).count();
      long repeats = withId - events.stream().map(row -> row.getAs(EVENT_ID)).filter(Objects::nonNull).distinct().count();
      // 1 row in 125 is bad (0.8%), a duplicate adds one more row; the gate is at 5%.
      assertTrue(missing + repeats < events.size() * 0.02, day + ": " + (missing + repeats) + " bad of " + events.size());
    }
  }

  @Test
  void everyKindOfBadSurveyIsThereUnderTheGate() {
    for (String required : InputSchemas.SURVEYS_REQUIRED) {
      assertEquals(1, surveys.stream().filter(row -> row.getAs(required) == null).count(), "null " + required);
    }
    assertEquals(1, surveys.stream().filter(row -> Objects.equals(row.getAs(SCORE), -1)).count());
    assertEquals(1, surveys.stream().filter(row -> Objects.equals(row.getAs(SCORE), 11)).count());
    long dayStart = FROM.toEpochDay() * MICROS_PER_DAY;
    assertEquals(1, surveys.stream().map(row -> micros(row.getAs(RESPONSE_TIME))).filter(t -> t != null && t < dayStart).count());
    List<Object> ids = surveys.stream().map(row -> row.getAs(RESPONSE_ID)).filter(Objects::nonNull).toList();
    assertEquals(1, ids.size() - new HashSet<>(ids).size(), "one duplicate response_id");
    // 8 bad rows (one per kind): under 2.5% needs at least 8 * 40 = 320 rows.
    assertTrue(surveys.size() >= 8 * 40, "only " + surveys.size() + " survey rows");
  }

  @Test
  void surveysComeOnlyOnDaysWithResponses() throws IOException {
    for (LocalDate day : DAYS) {
      Path dir = first.resolve(SURVEYS).resolve("date=" + day);
      if (Files.exists(dir)) {
        assertTrue(read(first, SURVEYS + "/date=" + day).count() > 0, day.toString());
      }
    }
  }

  @Test
  void theUsersSnapshotHasADuplicateAndARowWithoutUser() {
    assertEquals(1, users.stream().filter(row -> row.getAs(USER_ID) == null).count());
    Map<Object, List<Row>> byUser =
        users.stream().filter(row -> row.getAs(USER_ID) != null).collect(Collectors.groupingBy(row -> row.getAs(USER_ID)));
    List<Object> repeated = byUser.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    // One user in 200 appears twice: of 200 users, the one of index 100, u00101.
    assertEquals(List.of("u00101"), repeated);
    List<Row> rows = byUser.get("u00101");
    assertEquals(2, rows.size());
    assertFalse(Objects.equals(rows.get(0).getAs(SIGNUP_DATE), rows.get(1).getAs(SIGNUP_DATE)));
  }

  @Test
  void someUsersNeverAct() {
    long acting =
        eventsByDay.values().stream().flatMap(List::stream).map(row -> row.getAs(USER_ID)).filter(Objects::nonNull).distinct().count();
    // 10% of users never act (about 20 of 200), and a few light users skip these three days.
    assertTrue(acting <= USER_COUNT - 10, acting + " of " + USER_COUNT + " users act");
    assertTrue(acting >= USER_COUNT / 2, acting + " of " + USER_COUNT + " users act");
  }

  @Test
  void webAndMobileEventsMostlyCarryASessionOthersNever() {
    List<Row> events = eventsByDay.values().stream().flatMap(List::stream).toList();
    Predicate<Row> sessionChannel = row -> List.of("web", "mobile").contains(row.getAs(CHANNEL));
    long inSessionChannels = events.stream().filter(sessionChannel).count();
    long withSession = events.stream().filter(sessionChannel).filter(row -> row.getAs(SESSION_ID) != null).count();
    // 92% of web and 97% of mobile sessions have an id.
    assertTrue(withSession > inSessionChannels * 0.85 && withSession < inSessionChannels, withSession + " of " + inSessionChannels);
    assertEquals(0, events.stream().filter(sessionChannel.negate()).filter(row -> row.getAs(SESSION_ID) != null).count());
    assertTrue(events.stream().filter(sessionChannel.negate()).count() > 0, "no api, email, support or social event");
  }

  @Test
  void aDayWrittenAloneIsThatDayOfTheFullRangeByteForByte() throws IOException {
    // 30,000 users: the campaign day 2026-10-01 gets about 30,000 * 1.4% * 55% = 231 responses,
    // so 231 / 40 = 5 bad rows; the next day starts the cycle of bad kinds at the sixth kind, which
    // only a run that still draws the left-out first day knows.
    LocalDate second = FROM.plusDays(1);
    SampleDataSpec spec = new SampleDataSpec(tmp.resolve("full").toString(), FROM, second, 30_000, 500, 42);
    SampleDataGenerator.generate(spec, line -> {});
    Path alone = tmp.resolve("alone");
    SampleDataSpec sameWorld = new SampleDataSpec(alone.toString(), FROM, second, 30_000, 0, 42);
    SampleDataGenerator.generate(sameWorld, Map.of(second, 500), line -> {});

    List<Path> written = files(alone);
    assertTrue(written.contains(Path.of(SURVEYS, "date=" + second, "part-00000.parquet")), written.toString());
    assertTrue(written.stream().noneMatch(file -> file.toString().contains("date=" + FROM)), written.toString());
    Path full = Path.of(spec.outDir());
    for (Path file : written) {
      assertArrayEquals(Files.readAllBytes(full.resolve(file)), Files.readAllBytes(alone.resolve(file)), file.toString());
    }
  }

  @Test
  void aDayOutsideTheSpecsRangeIsRefused() {
    SampleDataSpec spec = spec(tmp.resolve("outside"), FROM, TO, 42);
    EngagementException e =
        assertThrows(
            EngagementException.class, () -> SampleDataGenerator.generate(spec, Map.of(TO.plusDays(1), 10), line -> {}));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
  }

  @Test
  void aBadSpecIsRefusedAsBadUsage() {
    EngagementException e =
        assertThrows(EngagementException.class, () -> new SampleDataSpec("out", TO, FROM, USER_COUNT, EVENTS_PER_DAY, 42));
    assertEquals(ExitCode.BAD_USAGE, e.exitCode());
    assertThrows(EngagementException.class, () -> new SampleDataSpec("out", FROM, TO, 0, EVENTS_PER_DAY, 42));
    assertThrows(EngagementException.class, () -> new SampleDataSpec("out", FROM, TO, USER_COUNT, -1, 42));
    assertThrows(EngagementException.class, () -> new SampleDataSpec(" ", FROM, TO, USER_COUNT, EVENTS_PER_DAY, 42));
  }

  private static Predicate<Row> missingAny(List<String> required) {
    return row -> required.stream().anyMatch(column -> row.getAs(column) == null);
  }

  /** Epoch microseconds of a timestamp as Spark returns it (either Java class), or null. */
  private static Long micros(Object timestamp) {
    if (timestamp == null) {
      return null;
    }
    Instant instant = timestamp instanceof Timestamp ts ? ts.toInstant() : (Instant) timestamp;
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  private static Dataset<Row> read(Path root, String relative) {
    return spark.read().parquet(root.resolve(relative).toString());
  }

  private static List<Path> files(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(files::add);
    }
    return files;
  }
}
