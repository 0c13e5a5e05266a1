package io.github.skillmessaging.examples.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import io.github.skillmessaging.examples.sync.Answer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The two-way sync on Azure Functions: the skill endpoint Alexa calls, the provider's webhook, and
 * a timer that drains the outbox. The HTTP functions take the body as {@code binary}: request
 * verification needs the exact bytes Alexa signed, which a {@code String} body does not guarantee.
 */
public class SyncFunctions {
    private static final class FromSettings {
        static final SyncComponents INSTANCE = SyncComponents.fromSettings(
                System.getenv(),
                line -> java.util.logging.Logger.getLogger("skill-sync").info(line));
    }

    private final Supplier<SyncComponents> components;

    /** Used by the Functions host: components from the Function App's settings, built on first use. */
    public SyncFunctions() {
        this(() -> FromSettings.INSTANCE);
    }

    /** With components of your own (tests). */
    public SyncFunctions(Supplier<SyncComponents> components) {
        this.components = components;
    }

    /** The skill endpoint: configure {@code https://<app>.azurewebsites.net/alexa} in the developer console. */
    @FunctionName("alexa")
    public HttpResponseMessage alexa(
            @HttpTrigger(
                            name = "request",
                            methods = {HttpMethod.POST},
                            authLevel = AuthorizationLevel.ANONYMOUS,
                            route = "alexa",
                            dataType = "binary")
                    HttpRequestMessage<Optional<byte[]>> request,
            ExecutionContext context) {
        Answer answer =
                components.get().skill().handle(request.getBody().orElse(new byte[0]), headers(request.getHeaders()));
        return response(request, answer);
    }

    /** The provider's webhook; a queued message is sent right away, the timer catches the rest. */
    @FunctionName("webhook")
    public HttpResponseMessage webhook(
            @HttpTrigger(
                            name = "request",
                            methods = {HttpMethod.POST},
                            authLevel = AuthorizationLevel.FUNCTION,
                            route = "webhook",
                            dataType = "binary")
                    HttpRequestMessage<Optional<byte[]>> request,
            ExecutionContext context) {
        SyncComponents c = components.get();
        Answer answer = c.webhook().handle(request.getBody().orElse(new byte[0]));
        if (answer.status() / 100 == 2) {
            c.outbox().drain();
        }
        return response(request, answer);
    }

    /** Every 10 s: sends due skill messages (retries included). Safe on many instances at once. */
    @FunctionName("outbox")
    public void outbox(
            @TimerTrigger(name = "timer", schedule = "*/10 * * * * *") String timer, ExecutionContext context) {
        int sent = components.get().outbox().drain();
        if (sent > 0) {
            context.getLogger().info("outbox: " + sent + " skill message(s) attempted");
        }
    }

    private static Map<String, List<String>> headers(Map<String, String> single) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        single.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }

    private static HttpResponseMessage response(HttpRequestMessage<?> request, Answer answer) {
        HttpResponseMessage.Builder builder = request.createResponseBuilder(HttpStatusType.custom(answer.status()))
                .header("Content-Type", "application/json");
        if (answer.body().length > 0) {
            builder.body(answer.body());
        }
        return builder.build();
    }
}
