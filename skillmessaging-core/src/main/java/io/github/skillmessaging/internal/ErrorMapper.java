package io.github.skillmessaging.internal;

import io.github.skillmessaging.error.AlexaServiceException;
import io.github.skillmessaging.error.BadRequestException;
import io.github.skillmessaging.error.ConflictException;
import io.github.skillmessaging.error.ForbiddenException;
import io.github.skillmessaging.error.NotFoundException;
import io.github.skillmessaging.error.RateLimitException;
import io.github.skillmessaging.error.ServerErrorException;
import io.github.skillmessaging.error.TokenRequestException;
import io.github.skillmessaging.error.UnauthorizedException;
import io.github.skillmessaging.error.UnexpectedStatusException;
import io.github.skillmessaging.http.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one map from an HTTP error status to the SDK's exception type. README.md shows it as a table. */
public final class ErrorMapper {
    private ErrorMapper() {}

    /** Which API answered: the token endpoint's 4xx are {@link TokenRequestException}s. */
    public enum Api {
        ALEXA,
        LOGIN_WITH_AMAZON
    }

    /** The exception for a non-2xx {@code response} to {@code operation}. */
    public static AlexaServiceException toException(
            Api api, String operation, HttpTransport.Response response, Clock clock) {
        int status = response.statusCode();
        Map<String, List<String>> headers = response.headers();
        String body = response.bodyAsString();
        if (status == 429) {
            return new RateLimitException(
                    operation,
                    status,
                    headers,
                    body,
                    retryAfter(response, clock).orElse(null));
        }
        if (status >= 500 && status <= 599) {
            return new ServerErrorException(operation, status, headers, body);
        }
        if (api == Api.LOGIN_WITH_AMAZON && status >= 400 && status <= 499) {
            return new TokenRequestException(operation, status, headers, body);
        }
        return switch (status) {
            case 400 -> new BadRequestException(operation, status, headers, body);
            case 401 -> new UnauthorizedException(operation, status, headers, body);
            case 403 -> new ForbiddenException(operation, status, headers, body);
            case 404 -> new NotFoundException(operation, status, headers, body);
            case 409 -> new ConflictException(operation, status, headers, body);
            default -> new UnexpectedStatusException(operation, status, headers, body);
        };
    }

    /**
     * The {@code Retry-After} header as a wait: whole seconds, or an HTTP date resolved against
     * {@code clock} (a date in the past means no wait). Empty when absent or unreadable.
     */
    public static Optional<Duration> retryAfter(HttpTransport.Response response, Clock clock) {
        return retryAfter(response.header("Retry-After"), clock);
    }

    /** {@link #retryAfter(HttpTransport.Response, Clock)} for the header's value, when there is one. */
    public static Optional<Duration> retryAfter(Optional<String> header, Clock clock) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
