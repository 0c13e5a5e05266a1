package io.github.skillmessaging.benchmarks.jmh;

import com.sun.net.httpserver.HttpServer;
import io.github.skillmessaging.testkit.SandboxCertificates;
import io.github.skillmessaging.verify.CertificateUrlPolicy;
import io.github.skillmessaging.verify.RequestVerifier;
import io.github.skillmessaging.verify.TimestampPolicy;
import io.github.skillmessaging.verify.VerifiedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue #8, item 5: verifying a signed request whose certificate chain is already cached.
 *
 * <p>Setup makes the testkit's sandbox chain (RSA 2048), serves it once from a JDK
 * {@link HttpServer} on 127.0.0.1, builds the verifier as {@code AlexaSandbox.requestVerifier()}
 * does (the sandbox root as trust anchor, {@link CertificateUrlPolicy#loopbackForTesting()}), and
 * verifies the request once, which downloads and validates the chain. The server is then stopped,
 * so a measured call that missed the cache would fail instead of quietly downloading again.
 *
 * <p>The request, a {@code Messaging.MessageReceived}, is signed once per trial with the time of
 * setup as its timestamp; the verifier uses the production {@link TimestampPolicy#defaults()}
 * (one hour for this type; a trial lasts seconds) and the system clock. No replay guard is
 * involved (it is a separate step in this library).
 *
 * <ul>
 *   <li>{@code library}: {@link RequestVerifier#verify(byte[], String, String)}: header checks,
 *       URL policy, base64, cache look-up, signature, then the body's type, id, timestamp and skill
 *       id;</li>
 *   <li>{@code bareSignatureVerify} (the baseline): {@code Signature.getInstance("SHA256withRSA")},
 *       {@code initVerify} with the leaf's public key, {@code update(body)}, {@code verify} of the
 *       already-decoded signature: the cryptographic floor of any verifier.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerificationBenchmark {
    private RequestVerifier verifier;
    private byte[] body;
    private String certUrl;
    private String signatureHeader;
    private PublicKey publicKey;
    private byte[] signature;

    @Setup
    public void setUp() throws IOException {
        SandboxCertificates certificates = SandboxCertificates.create();
        byte[] pem = certificates.pemChain().getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo.api/echo-api-cert.pem", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/x-pem-file");
            exchange.sendResponseHeaders(200, pem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(pem);
            }
        });
        server.start();
        try {
            certUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/echo.api/echo-api-cert.pem";
            verifier = RequestVerifier.builder()
                    .trustAnchors(certificates.trustAnchors())
                    .certificateUrlPolicy(CertificateUrlPolicy.loopbackForTesting())
                    .timestampPolicy(TimestampPolicy.defaults())
                    .build();
            body = RequestBodies.messageReceived(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    .getBytes(StandardCharsets.UTF_8);
            signatureHeader = certificates.sign(body);
            signature = Base64.getDecoder().decode(signatureHeader);
            publicKey = certificates.leaf().getPublicKey();
            library(); // downloads, validates and caches the chain
        } finally {
            server.stop(0);
        }
        if (!bareSignatureVerify()) {
            throw new IllegalStateException("verification benchmark: the bare signature does not verify");
        }
        library(); // from the cache: the server is gone
    }

    @Benchmark
    public VerifiedRequest library() {
        return verifier.verify(body, certUrl, signatureHeader);
    }

    @Benchmark
    public boolean bareSignatureVerify() {
        try {
            Signature verify = Signature.getInstance("SHA256withRSA");
            verify.initVerify(publicKey);
            verify.update(body);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
