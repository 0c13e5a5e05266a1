package io.github.skillmessaging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of the times Alexa and its APIs send (request timestamps, event times, list item
 * times), never in the JVM's time zone. Accepted:
 * <ol>
 * <li>a JSON integer, or text of up to 19 digits with an optional {@code -}: epoch milliseconds
 *     (beyond a {@code long}: absent); a JSON number with a fraction: epoch milliseconds, the
 *     fraction dropped (beyond &plusmn;9&times;10<sup>18</sup> or not finite: absent);</li>
 * <li>ISO-8601 date-time text, any fraction of a second (up to nanoseconds), {@code T} or a space
 *     between date and time, an offset ({@code Z}, {@code +01:00}, {@code +0100}, {@code +01}),
 *     optionally followed by a zone id in brackets ({@code +01:00[Europe/Paris]}); without an
 *     offset it is UTC;</li>
 * <li>the {@code java.util.Date#toString} form Amazon's list docs show,
 *     {@code Wed Jul 19 23:24:10 UTC 2017} (the day name is not checked; any zone name Java knows;
 *     no zone means UTC);</li>
 * <li>RFC 1123, {@code Wed, 19 Jul 2017 23:24:10 GMT}.</li>
 * </ol>
 * Anything else, {@code null}, JSON {@code null} and blank text are absent: a time Amazon formats
 * in a new way does not make a whole request or list unreadable. Field ranges are checked
 * strictly (no 30 February, no hour 24).
 */
public final class Times {
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");
    private static final double MAX_MILLIS_AS_DOUBLE = 9.0e18;

    /** ISO-8601 beyond {@link DateTimeFormatter#ISO_DATE_TIME}: a space for {@code T}, offsets without colon or minutes. */
    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    /** {@code Jul 19 23:24:10 UTC 2017}, after the day name is cut off. */
    private static final DateTimeFormatter DATE_TO_STRING = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM d HH:mm:ss")
            .optionalStart()
            .appendLiteral(' ')
            .appendZoneText(TextStyle.SHORT)
            .optionalEnd()
            .appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4)
            .toFormatter(Locale.ENGLISH);

    private static final Pattern DAY_NAME = Pattern.compile("^[A-Za-z]{3,9},?\\s+(?=[A-Za-z])");

    private Times() {}

    /** The time in {@code value}, a JSON number or string; absent when {@code null}, not a time or unreadable. */
    public static Optional<Instant> parse(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? Optional.of(Instant.ofEpochMilli(value.longValue())) : Optional.empty();
        }
        if (value.isNumber()) {
            // Fractional milliseconds: read as a double (never a BigDecimal, whose exponent could be
            // huge), dropping the fraction.
            double millis = value.doubleValue();
            if (!Double.isFinite(millis) || Math.abs(millis) >= MAX_MILLIS_AS_DOUBLE) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli((long) Math.floor(millis)));
        }
        return value.isTextual() ? parse(value.textValue()) : Optional.empty();
    }

    /** The time in {@code text}; absent when {@code null}, blank or unreadable. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Instant utc = parseUtcInstant(s);
        return utc != null ? Optional.of(utc) : parseWithoutQuickPath(s);
    }

    /**
     * {@link #parse(String)} of trimmed, non-blank text without the quick path for
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}: the reference that path must agree with (tests).
     */
    public static Optional<Instant> parseWithoutQuickPath(String s) {
        if (EPOCH_MILLIS.matcher(s).matches()) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        Optional<Instant> iso = iso(s);
        if (iso.isPresent() || Character.isDigit(s.charAt(0))) {
            return iso;
        }
        Optional<Instant> rfc = rfc1123(s);
        return rfc.isPresent() ? rfc : dateToString(s);
    }

    private static Optional<Instant> iso(String s) {
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from, LocalDateTime::from);
            return Optional.of(
                    parsed instanceof ZonedDateTime zoned
                            ? zoned.toInstant()
                            : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            // not the common ISO form: try the lenient one
        }
        try {
            TemporalAccessor parsed = ISO_LENIENT.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(
                    parsed instanceof OffsetDateTime offset
                            ? offset.toInstant()
                            : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc1123(String s) {
        try {
            return Optional.of(
                    ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> dateToString(String s) {
        String withoutDay = DAY_NAME.matcher(s).replaceFirst("");
        try {
            TemporalAccessor parsed = DATE_TO_STRING.parse(withoutDay);
            LocalDateTime local = LocalDateTime.of(
                    parsed.get(ChronoField.YEAR),
                    parsed.get(ChronoField.MONTH_OF_YEAR),
                    parsed.get(ChronoField.DAY_OF_MONTH),
                    parsed.get(ChronoField.HOUR_OF_DAY),
                    parsed.get(ChronoField.MINUTE_OF_HOUR),
                    parsed.get(ChronoField.SECOND_OF_MINUTE));
            ZoneId zone = parsed.query(TemporalQueries.zone());
            return Optional.of(
                    local.atZone(zone == null ? ZoneOffset.UTC : zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The form Alexa sends, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, read without the general ISO
     * parser, which takes most of the time of reading a small request. Returns what
     * {@link #parseWithoutQuickPath} returns for such text, or {@code null} for any other text
     * (including out-of-range fields such as a 60th second or a 30 February), which then goes the
     * general way.
     */
    private static Instant parseUtcInstant(String text) {
        int length = text.length();
        if (length < 20
                || length > 30
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.' || length == 21) {
                return null;
            }
            nanos = digits(text, 20, length - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = length - 1; i < 29; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
