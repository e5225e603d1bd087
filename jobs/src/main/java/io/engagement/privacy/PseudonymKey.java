package io.engagement.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that turns a user id into its pseudonym: HMAC-SHA256 of the id's UTF-8 bytes, keyed
 * with the UTF-8 bytes of the secret, in lower-case hex (64 characters).
 *
 * <p>Why a keyed hash rather than SHA-256 of the id: user ids are few and often guessable, so
 * anyone could hash every candidate and reverse a plain digest; without the key nobody can. The
 * same key gives the same pseudonym on every day, which keeps the history joins (user state, NPS
 * window, score history) whole; a new key gives every user a new pseudonym, so changing it breaks
 * continuity with the days written before (rerun the history, see docs/privacy.md).
 *
 * <p>Why a class of its own: the secret must never be printed, so {@link #toString} hides it, and
 * it never enters a Spark expression as a literal (plans, explain output and the UI show literals).
 * It is {@link Serializable} because Spark ships the UDF that holds it to its tasks. Two keys are
 * equal only when they are the same object: comparing secrets is nothing the job needs.
 */
public final class PseudonymKey implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] secret;

  /** One Mac per thread: a Mac is stateful and costly to look up for every row. */
  private transient ThreadLocal<Mac> macs;

  private PseudonymKey(byte[] secret) {
    this.secret = secret;
  }

  /**
   * @param secret the key as text (its UTF-8 bytes are the HMAC key)
   * @throws IllegalArgumentException when it is empty
   */
  public static PseudonymKey of(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("a pseudonymisation key cannot be empty");
    }
    return new PseudonymKey(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The pseudonym of {@code userId}; null for null, so a missing id stays missing. */
  public String pseudonym(String userId) {
    if (userId == null) {
      return null;
    }
    return HexFormat.of().formatHex(mac().doFinal(userId.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    ThreadLocal<Mac> perThread;
    synchronized (this) {
      if (macs == null) {
        macs = ThreadLocal.withInitial(this::newMac);
      }
      perThread = macs;
    }
    return perThread.get();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
    }
  }

  /** Never the secret: this object may end up in a log line, an exception or a plan. */
  @Override
  public String toString() {
    return "PseudonymKey[hidden]";
  }
}
