package io.engagement.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** The HMAC against published vectors, and what the key shows of itself. */
class PseudonymKeyTest {

  @Test
  void matchesRfc4231TestCase2() {
    // RFC 4231, 4.3: key "Jefe", data "what do ya want for nothing?", HMAC-SHA-256
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        PseudonymKey.of("Jefe").pseudonym("what do ya want for nothing?"));
  }

  @Test
  void matchesRfc4231TestCase1() {
    // RFC 4231, 4.2: key 0x0b repeated 20 times (one UTF-8 byte each), data "Hi There"
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        PseudonymKey.of("\u000b".repeat(20)).pseudonym("Hi There"));
  }

  @Test
  void nullStaysNullAndTheSameIdAlwaysGivesTheSamePseudonym() {
    PseudonymKey key = PseudonymKey.of("k1");
    assertNull(key.pseudonym(null));
    assertEquals(key.pseudonym("u1"), key.pseudonym("u1"));
    assertEquals(key.pseudonym("u1"), PseudonymKey.of("k1").pseudonym("u1"));
    assertNotEquals(key.pseudonym("u1"), key.pseudonym("u2"));
    // another key, another pseudonym: why a key change breaks continuity with earlier days
    assertNotEquals(key.pseudonym("u1"), PseudonymKey.of("k2").pseudonym("u1"));
  }

  @Test
  void toStringHidesTheSecret() {
    String secret = "top-secret-value-42";
    assertFalse(PseudonymKey.of(secret).toString().contains(secret));
    assertFalse(PseudonymKey.of(secret).toString().contains("42"));
  }

  @Test
  void emptySecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PseudonymKey.of(""));
  }

  @Test
  void survivesJavaSerialisationAsSparkShipsIt() throws Exception {
    PseudonymKey key = PseudonymKey.of("Jefe");
    key.pseudonym("warm the per-thread Mac up first");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(key);
    }
    PseudonymKey copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (PseudonymKey) in.readObject();
    }
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        copy.pseudonym("what do ya want for nothing?"));
    assertTrue(copy.toString().contains("hidden"));
  }
}
