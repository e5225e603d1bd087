package io.engagement.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdKeySetTest {
  @Test
  void containsExactlyItsKeys() {
    IdKeySet set = IdKeySet.of(7L, -3L, Long.MIN_VALUE, Long.MAX_VALUE, 0L, 7L);
    assertEquals(5, set.size());
    for (long key : new long[] {7L, -3L, Long.MIN_VALUE, Long.MAX_VALUE, 0L}) {
      assertTrue(set.contains(key), () -> "member " + key);
    }
    for (long key : new long[] {6L, 8L, -2L, -4L, 1L, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1}) {
      assertFalse(set.contains(key), () -> "not a member " + key);
    }
  }

  @Test
  void keysSharingTheMembersBitAreToldApart() {
    // 1 key -> 2^10 bits, indexed by the top 10 bits: these differ only in the low bits, so they
    // share the member's bit and must be settled by the sorted keys.
    long member = 0x5A5A_0000_0000_1234L;
    IdKeySet set = IdKeySet.of(member);
    assertTrue(set.contains(member));
    assertFalse(set.contains(member + 1));
    assertFalse(set.contains(member ^ 0x0000_0FFF_FFFF_FFFFL));
  }

  @Test
  void theEmptySetContainsNothing() {
    IdKeySet set = IdKeySet.of();
    assertEquals(0, set.size());
    assertFalse(set.contains(0L));
    assertFalse(set.contains(-1L));
  }

  @Test
  void agreesWithAHashSetOnManyRandomKeysAfterTravellingToATask() throws Exception {
    Random random = new Random(11);
    Set<Long> members = new HashSet<>();
    long[] keys = new long[50_000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = random.nextLong();
      members.add(keys[i]);
    }
    IdKeySet set = roundTrip(IdKeySet.of(keys));
    for (long key : keys) {
      assertTrue(set.contains(key));
    }
    for (int i = 0; i < 200_000; i++) {
      long key = random.nextLong();
      assertEquals(members.contains(key), set.contains(key));
    }
  }

  private static IdKeySet roundTrip(IdKeySet set) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(set);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (IdKeySet) in.readObject();
    }
  }
}
