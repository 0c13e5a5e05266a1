package io.github.skillmessaging.examples.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Fake trigger objects, as the Functions host would pass them. */
final class FakeHttp {
    private FakeHttp() {}

    /** A POST with {@code body}; header names lower-cased as the host delivers them. */
    static HttpRequestMessage<Optional<byte[]>> post(String path, byte[] body, Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new HttpRequestMessage<>() {
            @Override
            public URI getUri() {
                return URI.create("https://skill-sync.azurewebsites.net" + path);
            }

            @Override
            public HttpMethod getHttpMethod() {
                return HttpMethod.POST;
            }

            @Override
            public Map<String, String> getHeaders() {
                return lower;
            }

            @Override
            public Map<String, String> getQueryParameters() {
                return Map.of();
            }

            @Override
            public Optional<byte[]> getBody() {
                return Optional.of(body);
            }

            @Override
            public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
                return new Response(status);
            }

            @Override
            public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
                return new Response(status);
            }
        };
    }

    static ExecutionContext context(String function) {
        return new ExecutionContext() {
            @Override
            public Logger getLogger() {
                return Logger.getLogger("test." + function);
            }

            @Override
            public String getInvocationId() {
                return "test-invocation";
            }

            @Override
            public String getFunctionName() {
                return function;
            }
        };
    }

    static final class Response implements HttpResponseMessage.Builder, HttpResponseMessage {
        private HttpStatusType status;
        private final Map<String, String> headers = new HashMap<>();
        private Object body;

        Response(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType newStatus) {
            this.status = newStatus;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object newBody) {
            this.body = newBody;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return this;
        }

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String name) {
            return headers.get(name);
        }

        @Override
        public Object getBody() {
            return body;
        }
    }
}
