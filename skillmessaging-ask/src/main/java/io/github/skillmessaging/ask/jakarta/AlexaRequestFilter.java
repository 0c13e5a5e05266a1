package io.github.skillmessaging.ask.jakarta;

import io.github.skillmessaging.ask.internal.Bodies;
import io.github.skillmessaging.verify.RequestVerificationException;
import io.github.skillmessaging.verify.RequestVerifier;
import io.github.skillmessaging.verify.VerifiedRequest;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A servlet filter that lets through only requests from Alexa: it reads the exact body bytes (at
 * most 1 MiB), verifies them with this SDK's {@link RequestVerifier} (signature, certificate
 * chain, per-type timestamp tolerance, optional skill-id allow-list) and answers HTTP 400, with
 * nothing further run, when a check fails. A verified request goes down the chain with the same
 * bytes to read again ({@code getInputStream()} or {@code getReader()}) and with its
 * {@link VerifiedRequest} as the attribute {@link #VERIFIED_REQUEST_ATTRIBUTE}.
 *
 * <p>Map it on the skill endpoint's path, in front of {@link AskSkillServlet} or any servlet or
 * framework that handles the request:
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new AlexaRequestFilter(RequestVerifier.create())), "/alexa", null);
 * }</pre>
 *
 * <p>Every method is verified (Alexa only POSTs). Thread-safe; share one verifier.
 */
public class AlexaRequestFilter implements Filter {
    /** The request attribute holding the {@link VerifiedRequest} of a request that passed. */
    public static final String VERIFIED_REQUEST_ATTRIBUTE = VerifiedRequest.class.getName();

    private static final System.Logger LOG = System.getLogger("io.github.skillmessaging.ask");

    private final RequestVerifier verifier;

    /** Verifies with {@code verifier}; build it once and share it. */
    public AlexaRequestFilter(RequestVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Verifies with {@link RequestVerifier#create()}: Amazon's certificates, this SDK's timestamp policy. */
    public AlexaRequestFilter() {
        this(RequestVerifier.create());
    }

    /** The verification of a request that passed this filter, if it did. */
    public static Optional<VerifiedRequest> verifiedRequest(ServletRequest request) {
        return Optional.ofNullable(request.getAttribute(VERIFIED_REQUEST_ATTRIBUTE))
                .filter(VerifiedRequest.class::isInstance)
                .map(VerifiedRequest.class::cast);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            throw new ServletException("AlexaRequestFilter handles HTTP requests only");
        }
        byte[] body = Bodies.readAtMost(http.getInputStream(), http.getContentLengthLong());
        if (body == null) {
            LOG.log(Level.WARNING, "Rejected a request: the body is larger than {0} bytes", Bodies.MAX_BODY_BYTES);
            httpResponse.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        VerifiedRequest verified;
        try {
            verified = verifier.verify(body, Bodies.signatureHeaders(http::getHeaders));
        } catch (RequestVerificationException e) {
            LOG.log(Level.WARNING, "Rejected a request that failed verification: {0}", e.getMessage());
            httpResponse.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        http.setAttribute(VERIFIED_REQUEST_ATTRIBUTE, verified);
        chain.doFilter(new VerifiedBodyRequest(http, body), response);
    }

    /** The verifier every request goes through. */
    public RequestVerifier verifier() {
        return verifier;
    }

    /** The request with its body replaced by the verified bytes, readable once as stream or reader. */
    private static final class VerifiedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;
        private boolean used;

        VerifiedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            take();
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            take();
            Charset charset = StandardCharsets.UTF_8;
            String encoding = getCharacterEncoding();
            if (encoding != null && Charset.isSupported(encoding)) {
                charset = Charset.forName(encoding);
            }
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        private synchronized void take() {
            if (used) {
                throw new IllegalStateException("the body was already read with getInputStream() or getReader()");
            }
            used = true;
        }
    }
}
