package io.github.skillmessaging.lists.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the times Amazon sends in list items and list events, never in the JVM's time zone.
 *
 * <p>Accepted, in this order:
 * <ol>
 * <li>a JSON number, or a string of digits: milliseconds since the epoch;</li>
 * <li>ISO-8601 with {@code Z} or an offset ({@code +01:00}, {@code +0100}, {@code +01}), with or
 *     without fractions of a second, {@code T} or a space between date and time;</li>
 * <li>ISO-8601 without a zone: read as UTC;</li>
 * <li>the {@code java.util.Date#toString} form Amazon's docs show, {@code Wed Jul 19 23:24:10 UTC 2017}
 *     (the day name is not checked; any zone name or id Java knows; no zone means UTC);</li>
 * <li>RFC 1123, {@code Wed, 19 Jul 2017 23:24:10 GMT}.</li>
 * </ol>
 * Anything else, {@code null}, JSON {@code null} and blank text give an empty {@link Optional}:
 * a time Amazon formats in a new way does not make a whole list unreadable.
 */
public final class Times {
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    /** {@code Jul 19 23:24:10 UTC 2017}, after the day name is cut off. */
    private static final DateTimeFormatter DATE_TO_STRING = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM d HH:mm:ss")
            .optionalStart().appendLiteral(' ').appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4)
            .toFormatter(Locale.ENGLISH);

    private static final Pattern DAY_NAME = Pattern.compile("^[A-Za-z]{3,9},?\\s+(?=[A-Za-z])");
    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,18}");

    private Times() {
    }

    /** The time in {@code node}, a JSON number or string; empty when absent or unreadable. */
    public static Optional<Instant> parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(Instant.ofEpochMilli(node.longValue()));
        }
        return node.isTextual() ? parse(node.textValue()) : Optional.empty();
    }

    /** The time in {@code text}; empty when {@code null}, blank or unreadable. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        if (DIGITS.matcher(s).matches()) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
        }
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            return iso(s);
        }
        Optional<Instant> rfc = rfc1123(s);
        return rfc.isPresent() ? rfc : dateToString(s);
    }

    private static Optional<Instant> iso(String s) {
        try {
            TemporalAccessor parsed = ISO.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return Optional.of(odt.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc1123(String s) {
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> dateToString(String s) {
        String withoutDay = DAY_NAME.matcher(s).replaceFirst("");
        try {
            TemporalAccessor parsed = DATE_TO_STRING.parse(withoutDay);
            LocalDateTime local = LocalDateTime.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                    parsed.get(ChronoField.DAY_OF_MONTH), parsed.get(ChronoField.HOUR_OF_DAY),
                    parsed.get(ChronoField.MINUTE_OF_HOUR), parsed.get(ChronoField.SECOND_OF_MINUTE));
            java.time.ZoneId zone = parsed.query(java.time.temporal.TemporalQueries.zone());
            return Optional.of(local.atZone(zone == null ? ZoneOffset.UTC : zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
