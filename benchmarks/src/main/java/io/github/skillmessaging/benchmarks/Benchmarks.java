package io.github.skillmessaging.benchmarks;

import com.amazon.ask.model.services.skillMessaging.SendSkillMessagingRequest;
import com.amazon.ask.model.services.skillMessaging.SkillMessagingServiceClient;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.benchmarks.coldstart.ColdStart;
import io.github.skillmessaging.benchmarks.jmh.JmhReport;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.JdkHttpTransport;
import io.github.skillmessaging.http.UrlConnectionTransport;
import io.github.skillmessaging.transport.nio.NioTransport;
import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Runs the benchmarks and writes a Markdown report. Figures are ratios against baselines measured
 * in the same run. {@code benchmarks/run} starts nginx and calls this; {@code --smoke} only proves
 * that everything starts, on the JDK stub server, with no speed claims.
 *
 * <pre>
 * --target URL      base URL of the LWA + Skill Messaging stand-in (nginx); default: the JDK stub
 * --tls-target URL  the same over TLS (https://localhost:port), with --tls-cert PEM to trust
 * --h2-target URL   the same over TLS offering HTTP/2 by ALPN (same certificate)
 * --slow-target URL the same answering after 50 ms, for the WAN-like run (one JVM per contender)
 * --messages N    messages per fan-out run (20000)
 * --inflight K    messages in flight (64)
 * --rounds R      measured rounds per contender, median reported (7; at most 3 for slow contenders,
 *                 4 × R for fast ones)
 * --out FILE      the report (stdout when absent)
 * --stream-messages N  recipients of the streaming section 3c (1000000; 20000 with --smoke)
 * --only 1|1b|3b|3c  run that section alone and print it (1: plain fan-out with --target, no
 *                 profile; 1b: over TLS with --tls-target and --tls-cert)
 * --smoke         a few hundred messages, one round
 * </pre>
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) {
        try {
            run(options(args));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the ASK SDK's pools are not daemon threads: never hang on a failure
        }
    }

    private static void run(Map<String, String> options) throws Exception {
        if (options.containsKey("wan-child")) {
            wanChild(options);
            return;
        }
        if (options.containsKey("stream-child")) {
            StreamingMillion.child(options.get("target"), Integer.parseInt(options.get("messages")));
            return;
        }
        boolean smoke = options.containsKey("smoke");
        int streamed = Integer.parseInt(options.getOrDefault("stream-messages", smoke ? "20000" : "1000000"));
        if (options.containsKey("only")) { // one section by itself: --only 1, 1b, 3b or 3c
            String section = options.get("only");
            String only = switch (section) {
                case "1" ->
                    fanOut(
                            "## 1. Fan-out, CPU-bound (alone, not profiled)",
                            options.get("target"),
                            null,
                            Integer.parseInt(options.getOrDefault("messages", "20000")),
                            Integer.parseInt(options.getOrDefault("inflight", "64")),
                            Integer.parseInt(options.getOrDefault("rounds", "7")),
                            false);
                case "1b" ->
                    fanOut(
                            "## 1b. Fan-out, CPU-bound over TLS (alone)",
                            options.get("tls-target"),
                            trusting(Path.of(options.get("tls-cert"))),
                            Integer.parseInt(options.getOrDefault("messages", "20000")),
                            Integer.parseInt(options.getOrDefault("inflight", "64")),
                            Integer.parseInt(options.getOrDefault("rounds", "7")),
                            false);
                case "3b" -> ThrottledSend.run(smoke ? 50 : 200, smoke ? 2 : 20);
                case "3c" -> StreamingMillion.run(streamed);
                default -> throw new IllegalArgumentException("--only takes 1, 1b, 3b or 3c, not " + section);
            };
            System.out.print(only);
            System.exit(0);
        }
        int messages = Integer.parseInt(options.getOrDefault("messages", smoke ? "300" : "20000"));
        int inFlight = Integer.parseInt(
                options.getOrDefault("inflight", smoke ? "16" : "64")); // the JDK stub drops some of 4 × 64 connections
        int rounds = Integer.parseInt(options.getOrDefault("rounds", smoke ? "1" : "7"));
        StringBuilder report = new StringBuilder();
        try (StubServer stub = new StubServer(0)) {
            String target = options.getOrDefault("target", stub.baseUrl());
            report.append(fanOut(
                    "## 1. Fan-out, CPU-bound: " + messages + " messages, " + inFlight
                            + " in flight, plain HTTP, token cached",
                    target,
                    null,
                    messages,
                    inFlight,
                    rounds,
                    true));
            if (smoke) {
                report.append(wanLike(options.getOrDefault("slow-target", stub.baseUrl()), 200, 50));
            }
        }
        try (StubServer stub = new StubServer(0)) {
            SSLContext tls = options.containsKey("tls-cert") ? trusting(Path.of(options.get("tls-cert"))) : null;
            report.append(DefaultSettings.run(
                    options.getOrDefault("target", stub.baseUrl()),
                    options.get("h2-target"),
                    tls,
                    messages,
                    inFlight,
                    rounds));
        }
        if (options.containsKey("tls-target")) {
            SSLContext tls = trusting(Path.of(options.get("tls-cert")));
            report.append(fanOut(
                    "## 1b. Fan-out, CPU-bound over TLS: " + messages + " messages, " + inFlight
                            + " in flight, TLS 1.3, token cached",
                    options.get("tls-target"),
                    tls,
                    messages,
                    inFlight,
                    rounds,
                    false));
        }
        if (options.containsKey("slow-target") && !smoke) {
            report.append(wanLike(options.get("slow-target"), 5000, 1000));
        }
        report.append(tokenCoalescing(smoke ? 100 : 1000));
        report.append(ThrottledSend.run(smoke ? 50 : 200, smoke ? 2 : 20));
        report.append(StreamingMillion.run(streamed));
        report.append(JmhReport.run(smoke));
        try (StubServer stub = new StubServer(0)) {
            report.append(ColdStart.run(options.getOrDefault("target", stub.baseUrl()), smoke ? 1 : 10));
        }
        report.append(footprint());
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), report);
            System.out.println("wrote " + options.get("out"));
        } else {
            System.out.print(report);
        }
        System.exit(0); // the ASK SDK's and the JDK client's pools are not daemon threads
    }

    /**
     * Fails the run when more than one in a thousand messages of a round was not accepted. Fewer is
     * reported on stderr, not fatal: no retries run here, and java.net.http on JDK 25 now and then
     * drops a kept-alive connection on which nginx has answered ("header parser received no
     * bytes", about one POST in 20,000; see ANALYSIS.md, section 3c).
     */
    static void checkAccepted(String name, int accepted, int n) {
        if (accepted < n - n / 1000) {
            throw new IllegalStateException(name + ": only " + accepted + " of " + n + " accepted; last failure: "
                    + Contenders.LAST_FAILURE.get());
        }
        if (accepted != n) {
            System.err.println(name + ": " + (n - accepted) + " of " + n + " not accepted in a round; last failure: "
                    + Contenders.LAST_FAILURE.get());
        }
    }

    /** One row of a fan-out table: a contender and the name of its floor row (null for floors and peers). */
    private record Row(String name, Contenders.Run run, String floor) {}

    /** One measured round of a row: messages per second, CPU µs and bytes allocated per message. */
    private record Round(double rate, double cpuMicros, double bytes) {}

    /** Contenders faster than this (messages/s) in the warm-up are measured in {@link #FAST_ROUNDS} × the rounds. */
    private static final double FAST_RATE = 20_000;

    private static final int FAST_ROUNDS = 4;

    private static String fanOut(
            String title, String target, SSLContext tls, int n, int inFlight, int rounds, boolean withUrlConnection)
            throws Exception {
        boolean profiled = tls == null && withUrlConnection; // section 1c, for the plain run of the full report
        List<Row> rows = new ArrayList<>();
        NioTransport.Builder nio = NioTransport.builder();
        if (tls != null) {
            nio.sslContext(tls);
        }
        HttpTransport nioTransport = nio.build();
        HttpTransport jdk = tls == null
                ? JdkHttpTransport.create()
                : JdkHttpTransport.of(HttpClient.newBuilder()
                        .sslContext(tls)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build());
        String askName = "ASK SDK 2.86.0, Apache HttpClient, " + inFlight + " threads";
        rows.add(new Row(
                "skillmessaging-java `sendToAll`, `NioTransport` (opt-in module)",
                Contenders.library(target, target, inFlight, nioTransport),
                "raw loop on `NioTransport`"));
        rows.add(new Row("raw loop on `NioTransport`", Contenders.rawTransport(target, inFlight, nioTransport), null));
        rows.add(new Row(askName, Contenders.askSdk(target, target, inFlight, tls), null));
        rows.add(new Row(
                "skillmessaging-java `sendToAll`, `JdkHttpTransport` (default)",
                Contenders.library(target, target, inFlight, jdk),
                "raw loop on `JdkHttpTransport`"));
        rows.add(new Row("raw loop on `JdkHttpTransport`", Contenders.rawTransport(target, inFlight, jdk), null));
        if (withUrlConnection) {
            HttpTransport blocking = UrlConnectionTransport.create(inFlight);
            rows.add(new Row(
                    "skillmessaging-java `sendToAll`, `UrlConnectionTransport` (" + inFlight + " threads)",
                    Contenders.library(target, target, inFlight, blocking),
                    "raw loop on `UrlConnectionTransport`"));
            rows.add(new Row(
                    "raw loop on `UrlConnectionTransport`", Contenders.rawTransport(target, inFlight, blocking), null));
        }
        // Warm-up: batches until the JIT has had a few seconds of each contender. Slow contenders
        // (under 5,000 messages/s: java.net.http here) get at most 3 measured rounds, to keep the run short;
        // fast ones (over FAST_RATE, whose rounds last under a second, so that one stall of the
        // machine sways a round's rate by a third) get FAST_ROUNDS × as many, for a steadier median.
        Duration warmUp = Duration.ofSeconds(rounds == 1 ? 0 : 3);
        Map<String, Integer> roundsOf = new LinkedHashMap<>();
        Map<String, Integer> batchOf = new LinkedHashMap<>(); // messages per pass in the profile of section 1c
        for (Row row : rows) {
            long start = System.nanoTime();
            long sent = 0;
            do {
                sent += row.run().send(Math.max(100, n / 4));
            } while (System.nanoTime() - start < warmUp.toNanos());
            double rate = sent / ((System.nanoTime() - start) / 1e9);
            boolean slow = rate < 5000;
            roundsOf.put(row.name(), slow ? Math.min(rounds, 3) : rate > FAST_RATE ? FAST_ROUNDS * rounds : rounds);
            batchOf.put(row.name(), slow ? Math.max(100, n / 4) : n);
        }
        Map<String, List<Round>> measured = new LinkedHashMap<>();
        rows.forEach(r -> measured.put(r.name(), new ArrayList<>()));
        // A contender and its floor run back to back (in turns first), so that the machine's slow
        // drifts hit both alike; the groups' order rotates each round.
        Map<String, Row> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.name(), r));
        List<List<Row>> groups = new ArrayList<>();
        for (Row row : rows) {
            if (row.floor() != null) {
                groups.add(List.of(row, byName.get(row.floor())));
            } else if (rows.stream().noneMatch(r -> row.name().equals(r.floor()))) {
                groups.add(List.of(row)); // a peer without a floor
            }
        }
        for (List<Row> group : groups) {
            int fewest =
                    group.stream().mapToInt(r -> roundsOf.get(r.name())).min().orElseThrow();
            group.forEach(r -> roundsOf.put(r.name(), fewest));
        }
        List<Row> schedule = new ArrayList<>();
        int mostRounds =
                roundsOf.values().stream().mapToInt(Integer::intValue).max().orElse(rounds);
        for (int round = 0; round < mostRounds; round++) {
            for (int g = 0; g < groups.size(); g++) {
                List<Row> group = new ArrayList<>(groups.get((g + round) % groups.size()));
                if (round % 2 == 1) {
                    java.util.Collections.reverse(group);
                }
                for (Row row : group) {
                    if (round < roundsOf.get(row.name())) {
                        schedule.add(row);
                    }
                }
            }
        }
        for (Row row : schedule) {
            long allocatedBefore = Profile.allocatedBytes();
            long cpuBefore = Profile.processCpuNanos();
            long start = System.nanoTime();
            int accepted = row.run().send(n);
            double seconds = (System.nanoTime() - start) / 1e9;
            checkAccepted(row.name(), accepted, n);
            measured.get(row.name())
                    .add(new Round(
                            n / seconds,
                            (Profile.processCpuNanos() - cpuBefore) / 1e3 / n,
                            (Profile.allocatedBytes() - allocatedBefore) / (double) n));
        }
        String profile = profiled ? profile(rows.subList(0, 4), batchOf, Duration.ofSeconds(rounds == 1 ? 1 : 4)) : "";
        nioTransport.close();
        Map<String, Double> floorRatio = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.floor() != null) {
                List<Round> own = measured.get(row.name());
                List<Round> floor = measured.get(row.floor());
                List<Double> paired = new ArrayList<>();
                for (int r = 0; r < own.size(); r++) {
                    paired.add(own.get(r).rate() / floor.get(r).rate());
                }
                floorRatio.put(row.name(), median(paired));
            }
        }
        double ask = median(measured.get(askName), Round::rate);
        double askAllocation = median(measured.get(askName), Round::bytes);
        double askCpu = median(measured.get(askName), Round::cpuMicros);
        StringBuilder sb = new StringBuilder(title).append("\n\n");
        sb.append("| contender | messages/s (median of rounds) | × ASK SDK | × its floor "
                + "| CPU µs / message | × ASK SDK | KiB allocated / message | × ASK SDK |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            double rate = median(measured.get(row.name()), Round::rate);
            double allocation = median(measured.get(row.name()), Round::bytes);
            double cpuPerMessage = median(measured.get(row.name()), Round::cpuMicros);
            sb.append("| ")
                    .append(row.name())
                    .append(" | ")
                    .append(format("%.0f", rate))
                    .append(" | ")
                    .append(format("%.2f", rate / ask))
                    .append(" | ")
                    .append(row.floor() == null ? "" : format("%.2f", floorRatio.get(row.name())))
                    .append(" | ")
                    .append(format("%.0f", cpuPerMessage))
                    .append(" | ")
                    .append(format("%.2f", cpuPerMessage / askCpu))
                    .append(" | ")
                    .append(format("%.1f", allocation / 1024))
                    .append(" | ")
                    .append(format("%.2f", allocation / askAllocation))
                    .append(" |\n");
        }
        double library = median(measured.get(rows.get(0).name()), Round::rate);
        sb.append("\nTargets: the library at ≥ 0.9 of its floor (measured ")
                .append(format("%.2f", floorRatio.get(rows.get(0).name())))
                .append(") and ≥ 1.0× the ASK SDK (measured ")
                .append(format("%.2f", library / ask))
                .append("), both for the first row (`NioTransport`). Each contender was warmed up for ")
                .append(warmUp.toSeconds())
                .append(" s, then measured in ")
                .append(rounds)
                .append(" rounds (at most 3 for contenders under 5,000 messages/s, " + FAST_ROUNDS
                        + " × as many for those over " + format("%,.0f", FAST_RATE)
                        + " messages/s); the rate is the median of its rounds. "
                        + "A contender and its floor run back to back in each round, in turns first, and "
                        + "\"× its floor\" is the median of their per-round ratios, so that the machine's slow drifts "
                        + "(rounds of one contender here vary by up to 2×) cancel out. CPU: the client JVM's process CPU time (user "
                        + "and system, all threads; nginx is another process) during a round, per message. Allocation: "
                        + "bytes allocated by all threads of the JVM during a round, per message (HotSpot's per-thread "
                        + "counters).\n\n");
        return sb.append(profile).toString();
    }

    /** Section 1c: one more pass of each of the main contenders under JFR. */
    private static String profile(List<Row> rows, Map<String, Integer> batchOf, Duration atLeast) throws Exception {
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (Row row : rows) {
            profiles.put(row.name(), Profile.of(row.run(), batchOf.get(row.name()), atLeast));
        }
        List<String> components = new ArrayList<>();
        for (String c : Profile.componentNames()) {
            if (profiles.values().stream().anyMatch(p -> p.share(c) >= 0.005)) {
                components.add(c);
            }
        }
        StringBuilder sb = new StringBuilder("## 1c. Where the CPU goes in the plain fan-out (JFR)\n\n");
        sb.append("Each contender sends again, in passes of as many messages as a round (a quarter of that for "
                        + "contenders under 5,000 messages/s) for at least ")
                .append(atLeast.toSeconds())
                .append(" s, under an in-process JFR recording (execution samples requested every millisecond; "
                        + "JDK 17's sampler takes fewer). JFR samples threads running Java code only: time in system calls (socket "
                        + "reads and writes) is not in these shares. Each sample is charged to the first frame from "
                        + "the top of its stack that belongs to a component below (`java.lang`, `java.util` and "
                        + "the like are skipped, so a `HashMap.get` inside the JDK's HTTP client counts for that "
                        + "client).\n\n");
        sb.append("| contender | messages | samples |");
        components.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|---:|---:|");
        components.forEach(c -> sb.append("---:|"));
        sb.append('\n');
        for (Map.Entry<String, Profile> e : profiles.entrySet()) {
            Profile p = e.getValue();
            sb.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(p.messages())
                    .append(" | ")
                    .append(p.samples())
                    .append(" |");
            components.forEach(c ->
                    sb.append(' ').append(format("%.0f %%", 100 * p.share(c))).append(" |"));
            sb.append('\n');
        }
        sb.append("\nMethods most often on top of the stack:\n\n");
        profiles.forEach((name, p) -> sb.append("- ")
                .append(name)
                .append(": ")
                .append(p.topMethods(5))
                .append('\n'));
        return sb.append('\n').toString();
    }

    /**
     * Many slow requests in flight, each contender in its own JVM so that its peak RSS is its own:
     * throughput, peak live threads and peak RSS.
     */
    private static String wanLike(String target, int n, int inFlight) throws Exception {
        String[][] contenders = {
            {"nio", "skillmessaging-java `sendToAll`, `NioTransport` (opt-in module)"},
            {"ask", "ASK SDK 2.86.0, Apache HttpClient, " + inFlight + " threads"},
            {"jdk", "skillmessaging-java `sendToAll`, `JdkHttpTransport` (default)"},
        };
        Map<String, String[]> results = new LinkedHashMap<>();
        for (String[] contender : contenders) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Benchmarks.class.getName(),
                    "--wan-child",
                    contender[0],
                    "--slow-target",
                    target,
                    "--messages",
                    String.valueOf(n),
                    "--inflight",
                    String.valueOf(inFlight)));
            Process child =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (child.waitFor() != 0) {
                throw new IllegalStateException(contender[0] + " failed:\n" + output);
            }
            String line = output.lines()
                    .filter(l -> l.startsWith("WAN "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(contender[0] + " printed no result:\n" + output));
            results.put(contender[1], line.split(" "));
        }
        String[] ours = results.get(contenders[0][1]);
        String[] ask = results.get(contenders[1][1]);
        StringBuilder sb = new StringBuilder("## 2. Fan-out, WAN-like: ")
                .append(n)
                .append(" messages, ")
                .append(inFlight)
                .append(" in flight, every answer after 50 ms; one JVM per contender\n\n");
        sb.append(
                "| contender | messages/s | × ASK SDK | peak live threads | peak RSS (MiB) |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, String[]> e : results.entrySet()) {
            String[] r = e.getValue();
            sb.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(r[2])
                    .append(" | ")
                    .append(format("%.2f", Double.parseDouble(r[2]) / Double.parseDouble(ask[2])))
                    .append(" | ")
                    .append(r[3])
                    .append(" | ")
                    .append(Long.parseLong(r[4]) / 1024)
                    .append(" |\n");
        }
        sb.append("\nTarget: ≥ 1.0× the ASK SDK's throughput with ≤ 1/10 of its threads; measured ")
                .append(format("%.2f", Double.parseDouble(ours[2]) / Double.parseDouble(ask[2])))
                .append("× with ")
                .append(format("%.3f", Double.parseDouble(ours[3]) / Double.parseDouble(ask[3])))
                .append(" of its threads and ")
                .append(format("%.2f", Double.parseDouble(ours[4]) / Double.parseDouble(ask[4])))
                .append(" of its peak RSS (JVMs with -Xmx512m).\n\n");
        return sb.toString();
    }

    /** Child JVM of {@link #wanLike}: prints {@code WAN <name> <msg/s> <peak threads> <VmHWM kB>}. */
    private static void wanChild(Map<String, String> options) throws Exception {
        String target = options.get("slow-target");
        int n = Integer.parseInt(options.get("messages"));
        int inFlight = Integer.parseInt(options.get("inflight"));
        String name = options.get("wan-child");
        Contenders.Run run = switch (name) {
            case "nio" -> Contenders.library(target, target, inFlight, NioTransport.create());
            case "jdk" -> Contenders.library(target, target, inFlight, JdkHttpTransport.create());
            case "ask" -> Contenders.askSdk(target, target, inFlight);
            default -> throw new IllegalArgumentException(name);
        };
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        run.send(Math.min(n, 1000)); // warm-up, which also opens the connections
        threads.resetPeakThreadCount();
        long start = System.nanoTime();
        int accepted = run.send(n);
        double rate = n / ((System.nanoTime() - start) / 1e9);
        if (accepted != n) {
            throw new IllegalStateException(name + ": only " + accepted + " of " + n + " accepted");
        }
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.replaceAll("[^0-9]", ""))
                .findFirst()
                .orElse("0");
        System.out.println("WAN " + name + " " + format("%.0f", rate) + " " + threads.getPeakThreadCount() + " " + hwm);
        System.out.flush();
        System.exit(0);
    }

    /** A TLS context that trusts the one certificate in the PEM file (the nginx test certificate). */
    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var in = Files.newInputStream(pem)) {
            store.setCertificateEntry(
                    "bench", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String tokenCoalescing(int concurrent) throws Exception {
        int ours;
        int theirs;
        try (StubServer stub = new StubServer(200)) {
            SkillMessaging messaging = SkillMessaging.builder()
                    .clientId("bench-client")
                    .clientSecret("bench-secret")
                    .tokenBaseAddress(stub.baseUrl())
                    .defaultEndpoint(stub.baseUrl())
                    .build();
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
            SendSkillMessagingRequest request = SendSkillMessagingRequest.builder()
                    .withData(Contenders.DATA)
                    .withExpiresAfterSeconds(3600L)
                    .build();
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
        long ourOwn = 0;
        long theirOwn = 0;
        List<String> ourJars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            if (!f.isFile() || !f.getName().endsWith(".jar")) {
                continue;
            }
            String name = f.getName();
            boolean core = name.startsWith("skillmessaging-core");
            boolean library = core
                    || name.startsWith("jackson-databind")
                    || name.startsWith("jackson-core")
                    || name.startsWith("jackson-annotations");
            if (library) {
                ours += f.length();
                ourJars.add(name);
            }
            if (core || name.startsWith("skillmessaging-lists")) {
                ourOwn += f.length();
            }
            boolean harness = name.startsWith("skillmessaging-")
                    || name.startsWith("jmh-")
                    || name.startsWith("jopt-simple")
                    || name.startsWith("commons-math3");
            if (!harness) { // everything else on this class path is the ASK SDK's closure (Jackson included)
                theirs += f.length();
            }
            if (name.startsWith("ask-sdk-")) {
                theirOwn += f.length();
            }
        }
        return "## 7. Footprint: jars\n\n| | bytes | ratio |\n|---|---|---|\n"
                + "| this SDK's own jars (skillmessaging-core, skillmessaging-lists) | " + ourOwn + " | "
                + format("%.2f", ourOwn / (double) Math.max(1, theirOwn)) + " |\n"
                + "| the ASK SDK's own jars (ask-sdk-core, -runtime, -model, -model-runtime, -apache-client) | "
                + theirOwn + " | 1.00 |\n"
                + "| this SDK's runtime closure for messaging (" + String.join(", ", ourJars) + ") | " + ours + " | "
                + format("%.2f", ours / (double) Math.max(1, theirs)) + " |\n"
                + "| ask-sdk-core + ask-sdk-apache-client with their closure | " + theirs + " | 1.00 |\n\n";
    }

    private static <T> double median(List<T> values, java.util.function.ToDoubleFunction<T> value) {
        return median(values.stream().map(value::applyAsDouble).toList());
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
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
