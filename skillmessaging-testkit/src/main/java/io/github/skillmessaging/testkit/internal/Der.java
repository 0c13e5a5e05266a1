package io.github.skillmessaging.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The few DER (ASN.1) encodings an X.509 v3 certificate needs. The JDK parses and validates
 * certificates but has no public API to make one; this keeps the testkit free of a crypto
 * dependency.
 */
public final class Der {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {}

    /** A tag-length-value with {@code content}. */
    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(len) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((len >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    public static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    public static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    public static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0x00)});
    }

    public static byte[] nullValue() {
        return new byte[] {0x05, 0x00};
    }

    public static byte[] octetString(byte[] content) {
        return tlv(0x04, content);
    }

    /** A BIT STRING with no unused bits. */
    public static byte[] bitString(byte[] content) {
        return tlv(0x03, concat(new byte[] {0}, content));
    }

    public static byte[] utf8(String s) {
        return tlv(0x0c, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Explicit context-specific tag {@code [n]} around {@code content}. */
    public static byte[] explicit(int n, byte[] content) {
        return tlv(0xa0 | n, content);
    }

    /** Implicit context-specific primitive tag {@code [n]}. */
    public static byte[] implicit(int n, byte[] content) {
        return tlv(0x80 | n, content);
    }

    /** UTCTime before 2050, GeneralizedTime from then on, as RFC 5280 requires. */
    public static byte[] time(java.time.Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        if (t.getYear() >= 1950 && t.getYear() < 2050) {
            return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, GENERALIZED_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    /** An OBJECT IDENTIFIER from dotted text. */
    public static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((v >>> (7 * g)) & 0x7f);
                out.write(g == 0 ? b : b | 0x80);
            }
        }
        return tlv(0x06, out.toByteArray());
    }
}
