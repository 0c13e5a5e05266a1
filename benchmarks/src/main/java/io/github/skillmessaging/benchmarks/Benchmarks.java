package io.github.skillmessaging.benchmarks;

import com.amazon.ask.model.services.skillMessaging.SendSkillMessagingRequest;
import com.amazon.ask.model.services.skillMessaging.SkillMessagingServiceClient;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.JdkHttpTransport;
import io.github.skillmessaging.http.UrlConnectionTransport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the benchmarks and writes a Markdown report. Figures are ratios against baselines measured
 * in the same run. {@code benchmarks/run} starts nginx and calls this; {@code --smoke} only proves
 * that everything starts, on the JDK stub server, with no speed claims.
 *
 * <pre>
 * --target URL    base URL of the LWA + Skill Messaging stand-in (nginx); default: the JDK stub
 * --messages N    messages per fan-out run (20000)
 * --inflight K    messages in flight (64)
 * --rounds R      measured rounds per contender, median reported (3)
 * --out FILE      the report (stdout when absent)
 * --smoke         a few hundred messages, one round
 * </pre>
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        boolean smoke = options.containsKey("smoke");
        int messages = Integer.parseInt(options.getOrDefault("messages", smoke ? "300" : "20000"));
        int inFlight = Integer.parseInt(options.getOrDefault("inflight", "64"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", smoke ? "1" : "3"));
        StringBuilder report = new StringBuilder();
        try (StubServer stub = new StubServer(0)) {
            String target = options.getOrDefault("target", stub.baseUrl());
            report.append(fanOut(target, messages, inFlight, rounds));
        }
        if (options.containsKey("slow-target")) {
            report.append(wanLike(options.get("slow-target"), 5000, 1000));
        }
        report.append(tokenCoalescing(smoke ? 100 : 1000));
        report.append(footprint());
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), report);
            System.out.println("wrote " + options.get("out"));
        } else {
            System.out.print(report);
        }
        System.exit(0); // the ASK SDK's and the JDK client's pools are not daemon threads
    }

    private static String fanOut(String target, int n, int inFlight, int rounds) throws Exception {
        Map<String, Contenders.Run> contenders = new LinkedHashMap<>();
        HttpTransport jdk = JdkHttpTransport.create();
        HttpTransport blocking = UrlConnectionTransport.create(inFlight);
        contenders.put("skillmessaging-java `sendToAll`, `UrlConnectionTransport` (" + inFlight + " threads)",
                Contenders.library(target, target, inFlight, blocking));
        contenders.put("raw loop on `UrlConnectionTransport` (its floor)", Contenders.rawTransport(target, inFlight, blocking));
        contenders.put("ASK SDK 2.86.0, Apache HttpClient, " + inFlight + " threads", Contenders.askSdk(target, target, inFlight));
        contenders.put("skillmessaging-java `sendToAll`, default `JdkHttpTransport`", Contenders.library(target, target, inFlight, jdk));
        contenders.put("raw loop on `JdkHttpTransport` (its floor)", Contenders.rawTransport(target, inFlight, jdk));
        for (Contenders.Run run : contenders.values()) {
            run.send(Math.max(100, n / 4)); // warm-up
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
        List<String> names = new ArrayList<>(contenders.keySet());
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size()); // rotate the order each round
                long start = System.nanoTime();
                int accepted = contenders.get(name).send(n);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (accepted != n) {
                    throw new IllegalStateException(name + ": only " + accepted + " of " + n + " accepted");
                }
                rates.get(name).add(n / seconds);
            }
        }
        double library = median(rates.get(names.get(0)));
        double raw = median(rates.get(names.get(1)));
        double ask = median(rates.get(names.get(2)));
        double libraryJdk = median(rates.get(names.get(3)));
        double rawJdk = median(rates.get(names.get(4)));
        StringBuilder sb = new StringBuilder();
        sb.append("## 1. Fan-out, CPU-bound: ").append(n).append(" messages, ").append(inFlight)
                .append(" in flight, plain HTTP, token cached\n\n");
        sb.append("| contender | messages/s (median of ").append(rounds).append(") | first row / this row |\n");
        sb.append("|---|---|---|\n");
        for (String name : names) {
            double rate = median(rates.get(name));
            sb.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, "%.0f", rate)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", library / rate)).append(" |\n");
        }
        sb.append("\nTargets: library / its floor ≥ 0.9 (measured ")
                .append(String.format(Locale.ROOT, "%.2f", library / raw)).append(" on `UrlConnectionTransport`, ")
                .append(String.format(Locale.ROOT, "%.2f", libraryJdk / rawJdk)).append(" on `JdkHttpTransport`); ")
                .append("library / ASK SDK ≥ 1.0 (measured ").append(String.format(Locale.ROOT, "%.2f", library / ask))
                .append(" with `UrlConnectionTransport`, ").append(String.format(Locale.ROOT, "%.2f", libraryJdk / ask))
                .append(" with the default).\n\n");
        return sb.toString();
    }

    /**
     * Many slow requests in flight: throughput and the peak number of live threads while each
     * contender runs (in this JVM; peak RSS of separate processes is still to come).
     */
    private static String wanLike(String target, int n, int inFlight) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Contenders.Run> contenders = new LinkedHashMap<>();
        contenders.put("skillmessaging-java `sendToAll`, default `JdkHttpTransport` (async)",
                Contenders.library(target, target, inFlight, JdkHttpTransport.create()));
        contenders.put("ASK SDK 2.86.0, Apache HttpClient, " + inFlight + " threads",
                Contenders.askSdk(target, target, inFlight));
        StringBuilder sb = new StringBuilder();
        sb.append("## 2. Fan-out, WAN-like: ").append(n).append(" messages, ").append(inFlight)
                .append(" in flight, every answer after 50 ms\n\n");
        sb.append("| contender | messages/s | peak live threads in the JVM |\n|---|---|---|\n");
        double first = 0;
        int firstThreads = 0;
        for (Map.Entry<String, Contenders.Run> c : contenders.entrySet()) {
            c.getValue().send(Math.min(n, 1000)); // warm-up
            threads.resetPeakThreadCount();
            long start = System.nanoTime();
            int accepted = c.getValue().send(n);
            double rate = n / ((System.nanoTime() - start) / 1e9);
            if (accepted != n) {
                throw new IllegalStateException(c.getKey() + ": only " + accepted + " of " + n + " accepted");
            }
            int peak = threads.getPeakThreadCount();
            if (first == 0) {
                first = rate;
                firstThreads = peak;
            }
            sb.append("| ").append(c.getKey()).append(" | ").append(String.format(Locale.ROOT, "%.0f", rate))
                    .append(" | ").append(peak).append(" |\n");
        }
        sb.append("\nThe first row's throughput and threads against the ASK SDK's: see the table; target ≥ 1.0× its "
                + "throughput with ≤ 1/10 of its threads (first row: ").append(firstThreads).append(" threads, ")
                .append(String.format(Locale.ROOT, "%.0f", first)).append(" msg/s).\n\n");
        return sb.toString();
    }

    private static String tokenCoalescing(int concurrent) throws Exception {
        int ours;
        int theirs;
        try (StubServer stub = new StubServer(200)) {
            SkillMessaging messaging = SkillMessaging.builder().clientId("bench-client").clientSecret("bench-secret")
                    .tokenBaseAddress(stub.baseUrl()).defaultEndpoint(stub.baseUrl()).build();
            Message message = new Message(Contenders.DATA, 3600);
            List<CompletableFuture<String>> sends = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                sends.add(messaging.sendAsync("amzn1.ask.account.COLD" + i, message));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            ours = stub.tokenRequests();
        }
        try (StubServer stub = new StubServer(200)) {
            SkillMessagingServiceClient client = Contenders.askClient(stub.baseUrl(), stub.baseUrl(), 64);
            SendSkillMessagingRequest request = SendSkillMessagingRequest.builder().withData(Contenders.DATA)
                    .withExpiresAfterSeconds(3600L).build();
            ExecutorService threads = Executors.newFixedThreadPool(64);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                String user = "amzn1.ask.account.COLD" + i;
                sends.add(threads.submit(() -> client.sendSkillMessage(user, request)));
            }
            for (Future<?> f : sends) {
                f.get();
            }
            threads.shutdown();
            theirs = stub.tokenRequests();
        }
        return "## 3. Token coalescing: " + concurrent + " concurrent sends on a cold token cache\n\n"
                + "| client | LWA token requests |\n|---|---|\n"
                + "| skillmessaging-java `SkillMessaging` (async) | " + ours + " |\n"
                + "| ASK SDK `SkillMessagingServiceClient` + `LwaClient` (64 threads) | " + theirs + " |\n\n"
                + "Target: 1 for this library (LWA answers after 200 ms, so every caller arrives while the first "
                + "request is in flight).\n\n";
    }

    private static String footprint() {
        long ours = 0;
        long theirs = 0;
        List<String> ourJars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            if (!f.isFile() || !f.getName().endsWith(".jar")) {
                continue;
            }
            String name = f.getName();
            boolean library = name.startsWith("skillmessaging-core") || name.startsWith("jackson-databind")
                    || name.startsWith("jackson-core") || name.startsWith("jackson-annotations");
            if (library) {
                ours += f.length();
                ourJars.add(name);
            }
            if (!name.startsWith("skillmessaging-core")) {
                theirs += f.length();
            }
        }
        return "## 7. Footprint: runtime dependency closure\n\n| | bytes | ratio |\n|---|---|---|\n"
                + "| skillmessaging-java core (" + String.join(", ", ourJars) + ") | " + ours + " | "
                + String.format(Locale.ROOT, "%.2f", ours / (double) Math.max(1, theirs)) + " |\n"
                + "| ask-sdk-core + ask-sdk-apache-client with their closure | " + theirs + " | 1.00 |\n\n";
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(key, args[++i]);
            } else {
                options.put(key, "true");
            }
        }
        return options;
    }

}
