package io.engagement.sample;

import io.engagement.sample.Seeds.Purpose;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The simulated customers: users grouped into accounts, each user with an activity level, a
 * signup date and the account's plan, region and industry. Every attribute is a pure function of
 * the seed and the user's index, so executors generating events and the driver generating surveys
 * see the same people without shipping a table of them; only the account boundaries are stored
 * (an int per account).
 */
final class Population implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String FREE = "free";
  static final String PRO = "pro";
  static final String ENTERPRISE = "enterprise";
  static final List<String> REGIONS = List.of("emea", "amer", "apac");
  static final List<String> INDUSTRIES =
      List.of("software", "finance", "healthcare", "retail", "education", "manufacturing", "media", "public_sector");

  /** Share of users who never produce an event (signed up, never came back). */
  static final double INACTIVE_SHARE = 0.10;
  /** Pareto shape of activity: the top 10% of users make about 60% of the events. */
  static final double ACTIVITY_SHAPE = 1.3;
  /** A power user is about 200 times as active as the lightest; beyond that it would be a bot. */
  static final double ACTIVITY_CAP = 200;
  static final int USERS_PER_ACCOUNT = 8;
  private static final double ACCOUNT_SIZE_SHAPE = 1.2;
  private static final double ACCOUNT_SIZE_CAP = 100;
  private static final double UNKNOWN_SIGNUP_SHARE = 0.02;
  private static final double SIGNUP_IN_RANGE_SHARE = 0.13;
  private static final int SIGNUP_HISTORY_DAYS = 365;

  private static final Weighted<String> REGION_MIX = Weighted.of(REGIONS, 35, 45, 20);
  private static final Weighted<String> INDUSTRY_MIX = Weighted.uniform(INDUSTRIES);
  private static final List<String> PLANS = List.of(FREE, PRO, ENTERPRISE);
  private static final Weighted<String> PLAN_SMALL = Weighted.of(PLANS, 55, 38, 7);
  private static final Weighted<String> PLAN_MEDIUM = Weighted.of(PLANS, 25, 55, 20);
  private static final Weighted<String> PLAN_LARGE = Weighted.of(PLANS, 5, 30, 65);

  private final long seed;
  private final int users;
  private final long fromDay;
  private final long toDay;
  /** accountStart[a] is the first user index of account a; accountStart[accounts] = users. */
  private final int[] accountStart;
  private final int userIdWidth;
  private final int accountIdWidth;

  Population(long seed, int users, LocalDate from, LocalDate to) {
    this.seed = seed;
    this.users = users;
    this.fromDay = from.toEpochDay();
    this.toDay = to.toEpochDay();
    this.accountStart = accountBoundaries(seed, users);
    this.userIdWidth = Math.max(5, Integer.toString(users).length());
    this.accountIdWidth = Math.max(4, Integer.toString(accounts()).length());
  }

  /** Power-law account sizes, at least one user each, that add up to the user count. */
  private static int[] accountBoundaries(long seed, int users) {
    int accounts = Math.max(1, users / USERS_PER_ACCOUNT);
    double[] weights = new double[accounts];
    double total = 0;
    for (int a = 0; a < accounts; a++) {
      weights[a] = Draw.pareto(Seeds.unit(seed, Purpose.ACCOUNT_SIZE, a), ACCOUNT_SIZE_SHAPE, ACCOUNT_SIZE_CAP);
      total += weights[a];
    }
    int[] sizes = new int[accounts];
    int assigned = 0;
    for (int a = 0; a < accounts; a++) {
      sizes[a] = 1 + (int) Math.floor((users - accounts) * weights[a] / total);
      assigned += sizes[a];
    }
    for (int a = 0; assigned < users; a = (a + 1) % accounts) {
      sizes[a]++;
      assigned++;
    }
    int[] start = new int[accounts + 1];
    for (int a = 0; a < accounts; a++) {
      start[a + 1] = start[a] + sizes[a];
    }
    return start;
  }

  int users() {
    return users;
  }

  int accounts() {
    return accountStart.length - 1;
  }

  long fromDay() {
    return fromDay;
  }

  long toDay() {
    return toDay;
  }

  long seed() {
    return seed;
  }

  String userId(int user) {
    return "u" + zeroPadded(user + 1, userIdWidth);
  }

  String accountId(int account) {
    return "a" + zeroPadded(account + 1, accountIdWidth);
  }

  int account(int user) {
    int low = 0;
    int high = accounts() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (accountStart[mid] <= user) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  int accountSize(int account) {
    return accountStart[account + 1] - accountStart[account];
  }

  /** Bigger accounts are more often enterprise customers. */
  String accountPlan(int account) {
    int size = accountSize(account);
    Weighted<String> mix = size >= 40 ? PLAN_LARGE : size >= USERS_PER_ACCOUNT ? PLAN_MEDIUM : PLAN_SMALL;
    return mix.pick(Seeds.unit(seed, Purpose.ACCOUNT_PLAN, account));
  }

  String accountRegion(int account) {
    return REGION_MIX.pick(Seeds.unit(seed, Purpose.ACCOUNT_REGION, account));
  }

  String industry(int user) {
    return INDUSTRY_MIX.pick(Seeds.unit(seed, Purpose.ACCOUNT_INDUSTRY, account(user)));
  }

  /** The account's plan, except for the few users on a plan of their own (2%). */
  String plan(int user) {
    double u = Seeds.unit(seed, Purpose.USER_PLAN, user);
    return u < 0.02 ? PLANS.get((int) (u / 0.02 * PLANS.size())) : accountPlan(account(user));
  }

  /** The account's region, except for the users working elsewhere (4%). */
  String region(int user) {
    double u = Seeds.unit(seed, Purpose.USER_REGION, user);
    return u < 0.04 ? REGIONS.get((int) (u / 0.04 * REGIONS.size())) : accountRegion(account(user));
  }

  boolean active(int user) {
    return Seeds.unit(seed, Purpose.USER_ACTIVE, user) >= INACTIVE_SHARE;
  }

  /**
   * Where the user stands in the activity distribution, in [0, 1): the uniform draw behind the
   * weight; 0 for users who never act.
   */
  double activityQuantile(int user) {
    return active(user) ? Seeds.unit(seed, Purpose.USER_WEIGHT, user) : 0;
  }

  /** Relative activity: Pareto-distributed, higher on paid plans, 0 for users who never act. */
  double weight(int user) {
    if (!active(user)) {
      return 0;
    }
    double planFactor =
        switch (plan(user)) {
          case FREE -> 0.7;
          case ENTERPRISE -> 1.3;
          default -> 1.0;
        };
    return planFactor * Draw.pareto(Seeds.unit(seed, Purpose.USER_WEIGHT, user), ACTIVITY_SHAPE, ACTIVITY_CAP);
  }

  /**
   * Signup as an epoch day: mostly in the year before the range, 13% during it, 2% unknown
   * (null).
   */
  Integer signupDay(int user) {
    double u = Seeds.unit(seed, Purpose.USER_SIGNUP, user);
    if (u < UNKNOWN_SIGNUP_SHARE) {
      return null;
    }
    if (u < UNKNOWN_SIGNUP_SHARE + SIGNUP_IN_RANGE_SHARE) {
      double v = (u - UNKNOWN_SIGNUP_SHARE) / SIGNUP_IN_RANGE_SHARE;
      return (int) (fromDay + (long) (v * (toDay - fromDay + 1)));
    }
    double v = (u - UNKNOWN_SIGNUP_SHARE - SIGNUP_IN_RANGE_SHARE) / (1 - UNKNOWN_SIGNUP_SHARE - SIGNUP_IN_RANGE_SHARE);
    return (int) (fromDay - 1 - (long) (v * SIGNUP_HISTORY_DAYS));
  }

  /** Users act and answer only from their signup day on (an unknown signup never stops them). */
  boolean signedUpBy(int user, long day) {
    Integer signup = signupDay(user);
    return signup == null || signup <= day;
  }

  /** Share of the user's sessions on mobile: some users live in the app, most on the web. */
  double mobileShare(int user) {
    return 0.1 + 0.5 * Seeds.unit(seed, Purpose.USER_MOBILE, user);
  }

  /** The total weight of the users who can act on a day: the day's volume is shared among them. */
  double signedUpWeight(long day) {
    double total = 0;
    for (int user = 0; user < users; user++) {
      if (signedUpBy(user, day)) {
        total += weight(user);
      }
    }
    return total;
  }

  static String zeroPadded(long value, int width) {
    String digits = Long.toString(value);
    if (digits.length() >= width) {
      return digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }
}
