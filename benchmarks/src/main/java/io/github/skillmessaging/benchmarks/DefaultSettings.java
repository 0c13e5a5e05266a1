package io.github.skillmessaging.benchmarks;

import io.github.skillmessaging.http.JdkHttpTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * Section 1d: the settings of the shared default {@code HttpClient}, each measured against the
 * shipped default in the same run: HTTP version (and HTTP/2 by ALPN where the server offers it)
 * and the executor the futures complete on. {@code sendToAll} with the token cached, as in
 * section 1.
 */
final class DefaultSettings {
    private DefaultSettings() {}

    /** A variant of the default client, and how to make it. */
    private record Variant(String name, String target, HttpClient client) {}

    static String run(String target, String h2Target, SSLContext tls, int n, int inFlight, int rounds)
            throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2, daemon());
        ExecutorService many = Executors.newFixedThreadPool(inFlight, daemon());
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant(
                "shipped default: `JdkHttpTransport.create()` (HTTP/2 preferred, default executor)",
                target,
                JdkHttpTransport.create().httpClient()));
        variants.add(new Variant(
                "HTTP/1.1 only",
                target,
                base().version(HttpClient.Version.HTTP_1_1).build()));
        variants.add(
                new Variant("executor: 2 threads", target, base().executor(two).build()));
        variants.add(new Variant(
                "executor: " + inFlight + " threads",
                target,
                base().executor(many).build()));
        if (h2Target != null) {
            variants.add(new Variant(
                    "TLS, server offers h2: default settings (HTTP/2 by ALPN)",
                    h2Target,
                    base().sslContext(tls).build()));
            variants.add(new Variant(
                    "TLS, server offers h2: HTTP/1.1 only",
                    h2Target,
                    base().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build()));
        }
        int perRound = Math.max(100, n / 4);
        Map<String, List<double[]>> measured = new LinkedHashMap<>();
        Map<String, Contenders.Run> runs = new LinkedHashMap<>();
        for (Variant v : variants) {
            Contenders.Run run = Contenders.library(v.target(), v.target(), inFlight, JdkHttpTransport.of(v.client()));
            long start = System.nanoTime();
            do {
                run.send(perRound); // warm-up
            } while (rounds > 1
                    && System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
            runs.put(v.name(), run);
            measured.put(v.name(), new ArrayList<>());
        }
        for (int round = 0; round < Math.min(rounds, 3); round++) {
            for (Variant v : variants) {
                long cpu = Profile.processCpuNanos();
                long start = System.nanoTime();
                int accepted = runs.get(v.name()).send(perRound);
                double seconds = (System.nanoTime() - start) / 1e9;
                Benchmarks.checkAccepted(v.name(), accepted, perRound);
                measured.get(v.name())
                        .add(new double[] {perRound / seconds, (Profile.processCpuNanos() - cpu) / 1e3 / perRound});
            }
        }
        two.shutdownNow();
        many.shutdownNow();
        double base = median(measured.get(variants.get(0).name()), 0);
        double baseCpu = median(measured.get(variants.get(0).name()), 1);
        StringBuilder sb = new StringBuilder("## 1d. The default transport's settings: ")
                .append(perRound)
                .append(" messages a round, ")
                .append(inFlight)
                .append(" in flight, token cached\n\n");
        sb.append("| `HttpClient` of the `JdkHttpTransport` | messages/s | × shipped default | CPU µs / message "
                + "| × shipped default |\n|---|---|---|---|---|\n");
        for (Variant v : variants) {
            double rate = median(measured.get(v.name()), 0);
            double cpu = median(measured.get(v.name()), 1);
            sb.append("| ")
                    .append(v.name())
                    .append(" | ")
                    .append(format("%.0f", rate))
                    .append(" | ")
                    .append(format("%.2f", rate / base))
                    .append(" | ")
                    .append(format("%.0f", cpu))
                    .append(" | ")
                    .append(format("%.2f", cpu / baseCpu))
                    .append(" |\n");
        }
        sb.append("\nEach variant is warmed up for 3 s, then measured in ")
                .append(Math.min(rounds, 3))
                .append(" rounds taken in turns; the figures are medians. Plain-HTTP rows go to the server of "
                        + "section 1, which speaks HTTP/1.1 only; TLS rows go to a server that offers h2 by ALPN. "
                        + "Every variant has connect timeout 10 s and follows no redirects, as the default does.\n\n");
        return sb.toString();
    }

    private static HttpClient.Builder base() {
        return HttpClient.newBuilder()
                .connectTimeout(JdkHttpTransport.DEFAULT_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "bench-callbacks");
            t.setDaemon(true);
            return t;
        };
    }

    private static double median(List<double[]> rounds, int index) {
        double[] sorted = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
