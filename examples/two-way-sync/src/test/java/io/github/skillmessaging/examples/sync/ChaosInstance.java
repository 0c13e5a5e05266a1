package io.github.skillmessaging.examples.sync;

import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.verify.CertificateUrlPolicy;
import io.github.skillmessaging.verify.RequestVerifier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Set;

/**
 * One sync instance as its own JVM process, for {@link CrashChaosTest}: the service with the
 * sandbox's credentials and trust anchor, its trace in a log file. It prints {@code READY <base>}
 * once it serves, and reads commands on standard input: {@code arm <fault point>} (see
 * {@link FaultPoints}) and {@code disarm}.
 *
 * <p>Arguments: jdbcUrl dbUser dbPassword providerBase lwaBase clientId clientSecret applicationId
 * rootCertificateFile leaseMillis logFile.
 */
public final class ChaosInstance {
    private ChaosInstance() {}

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        X509Certificate root;
        try (var in = Files.newInputStream(Path.of(args[8]))) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PrintStream log = new PrintStream(
                Files.newOutputStream(Path.of(args[10]), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true,
                StandardCharsets.UTF_8);
        long pid = ProcessHandle.current().pid();
        Trace trace = line -> log.println(System.currentTimeMillis() + " [" + pid + "] " + line);
        SyncStore store = new SyncStore(jdbcUrl, args[1], args[2]);
        RequestVerifier verifier = RequestVerifier.builder()
                .trustAnchors(Set.of(new TrustAnchor(root, null)))
                .certificateUrlPolicy(CertificateUrlPolicy.loopbackForTesting())
                .allowedApplicationIds(args[7])
                .build();
        SkillMessaging messaging = SkillMessaging.builder()
                .clientId(args[5])
                .clientSecret(args[6])
                .tokenBaseAddress(args[4])
                .build();
        SyncService service = new SyncService(
                store,
                new ProviderClient(URI.create(args[3])),
                verifier,
                messaging,
                trace,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                SyncService.Options.DEFAULTS.withOutboxLease(Duration.ofMillis(Long.parseLong(args[9]))));
        String base = service.skillEndpoint().toString().replace("/alexa", "");
        trace.line("started at " + base);
        System.out.println("READY " + base);
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null; ) {
            if (line.startsWith("arm ")) {
                FaultPoints.arm(line.substring(4).trim());
                trace.line("armed " + line.substring(4).trim());
            } else if (line.equals("disarm")) {
                FaultPoints.disarmAll();
                trace.line("disarmed");
            }
        }
        // The test closed our input: it is done with us (it normally kills us first).
        service.close();
        System.exit(0);
    }
}
