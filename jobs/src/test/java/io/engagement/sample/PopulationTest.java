package io.engagement.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PopulationTest {
  private static final LocalDate FROM = LocalDate.parse("2026-10-01");
  private static final LocalDate TO = LocalDate.parse("2026-11-04");
  private static final Population POPULATION = new Population(42, 10_000, FROM, TO);

  @Test
  void accountsHoldEveryUserOnceInPowerLawSizes() {
    // 10,000 users / 8 = 1,250 accounts.
    assertEquals(1250, POPULATION.accounts());
    int[] sizes = new int[POPULATION.accounts()];
    int previous = 0;
    for (int user = 0; user < POPULATION.users(); user++) {
      int account = POPULATION.account(user);
      assertTrue(account == previous || account == previous + 1, "accounts are contiguous ranges of users");
      previous = account;
      sizes[account]++;
    }
    for (int account = 0; account < sizes.length; account++) {
      assertEquals(POPULATION.accountSize(account), sizes[account]);
      assertTrue(sizes[account] >= 1);
    }
    // Power law: the biggest account is many times the mean of 8, most are below the mean.
    assertTrue(Arrays.stream(sizes).max().getAsInt() >= 80);
    assertTrue(Arrays.stream(sizes).filter(size -> size < 8).count() > sizes.length / 2);
  }

  @Test
  void usersMostlyShareTheirAccountsPlanAndRegion() {
    int samePlan = 0;
    int sameRegion = 0;
    for (int user = 0; user < POPULATION.users(); user++) {
      int account = POPULATION.account(user);
      samePlan += POPULATION.plan(user).equals(POPULATION.accountPlan(account)) ? 1 : 0;
      sameRegion += POPULATION.region(user).equals(POPULATION.accountRegion(account)) ? 1 : 0;
    }
    // 2% of users draw a plan of their own (a third of them draw the account's), 4% a region.
    assertTrue(samePlan >= 9_700, samePlan + " users on their account's plan");
    assertTrue(sameRegion >= 9_500, sameRegion + " users in their account's region");
  }

  @Test
  void aboutOneUserInTenNeverActsAndActivityIsHeavyTailed() {
    int inactive = 0;
    double[] weights = new double[POPULATION.users()];
    for (int user = 0; user < POPULATION.users(); user++) {
      weights[user] = POPULATION.weight(user);
      if (!POPULATION.active(user)) {
        inactive++;
        assertEquals(0, weights[user]);
      } else {
        assertTrue(weights[user] > 0);
      }
    }
    // 10% of 10,000 = 1,000, +-3 standard deviations of sqrt(10,000 * 0.1 * 0.9) = 30.
    assertTrue(inactive >= 910 && inactive <= 1090, inactive + " inactive");
    Arrays.sort(weights);
    double total = Arrays.stream(weights).sum();
    double top = Arrays.stream(weights, weights.length - 1000, weights.length).sum();
    // Pareto 1.3: the top 10% hold about 0.1^(1 - 1/1.3) = 59% of the activity (less with the cap).
    assertTrue(top / total > 0.4, "top 10% share " + top / total);
  }

  @Test
  void signupsAreMostlyInTheYearBeforeSomeDuringAFewUnknown() {
    int unknown = 0;
    int during = 0;
    int before = 0;
    for (int user = 0; user < POPULATION.users(); user++) {
      Integer signup = POPULATION.signupDay(user);
      if (signup == null) {
        unknown++;
      } else if (signup >= FROM.toEpochDay()) {
        assertTrue(signup <= TO.toEpochDay());
        during++;
      } else {
        assertTrue(signup >= FROM.minusDays(365).toEpochDay());
        before++;
      }
    }
    // 2% unknown (200), 13% during the range (1,300), the rest (8,500) before.
    assertTrue(unknown > 140 && unknown < 260, unknown + " unknown");
    assertTrue(during > 1150 && during < 1450, during + " during");
    assertTrue(before > 8300 && before < 8700, before + " before");
  }

  @Test
  void idsAreZeroPaddedAndOneBased() {
    assertEquals("u00001", POPULATION.userId(0));
    assertEquals("u10000", POPULATION.userId(9_999));
    assertEquals("a0001", POPULATION.accountId(0));
    assertEquals("u0000001", new Population(42, 1_000_000, FROM, FROM).userId(0));
  }

  @Test
  void theSameSeedGivesTheSamePeople() {
    Population again = new Population(42, 10_000, FROM, TO);
    for (int user = 0; user < 10_000; user += 97) {
      assertEquals(POPULATION.weight(user), again.weight(user));
      assertEquals(POPULATION.account(user), again.account(user));
      assertEquals(POPULATION.signupDay(user), again.signupDay(user));
    }
  }
}
