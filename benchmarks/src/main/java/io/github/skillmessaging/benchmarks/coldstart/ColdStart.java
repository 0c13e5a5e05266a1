package io.github.skillmessaging.benchmarks.coldstart;

import io.github.skillmessaging.benchmarks.LoopbackStub;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Item 6 of the benchmarks: cold start. Each run is a new {@code java} process (the same binary and
 * class path as this one) running {@link OursColdStart} or {@link AskColdStart}: parse one
 * {@code Messaging.MessageReceived} request, write the acknowledgement, send one skill message with
 * a cold token cache (one LWA request, one POST) to a loopback stand-in, exit. Wall-clock is
 * measured here, from just before the process is started to its exit; each child reports its peak
 * RSS (VmHWM) and when its phases ended on one marked line.
 *
 * <pre>
 * java -cp ... io.github.skillmessaging.benchmarks.coldstart.ColdStart [N] [--variants] [--jdk JAVA_HOME]...
 * </pre>
 * N measured runs per contender (10); {@code --variants} adds the JVM-option rows (tiered stop at
 * C1, AppCDS, and per {@code --jdk} a row without options and, from JDK 25, an AOT-cache row).
 */
public final class ColdStart {
    static final String TITLE =
            "## 6. Cold start: fresh JVM, parse one MessageReceived, write the response, send one message";
    static final double TARGET = 0.5;
    private static final long TIMEOUT_SECONDS = 120;

    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        int runs = 10;
        boolean variants = false;
        List<String> otherJdks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--variants" -> variants = true;
                case "--jdk" -> otherJdks.add(args[++i]);
                default -> runs = Integer.parseInt(args[i]);
            }
        }
        try (LoopbackStub stub = new LoopbackStub()) {
            System.out.print(run(stub.baseUrl(), runs));
            if (variants) {
                System.out.print(variants(stub.baseUrl(), runs, otherJdks));
            }
        }
        System.exit(0);
    }

    /** The headline: the contenders on this JVM's {@code java} with no JVM options, as Markdown. */
    public static String run(String baseUrl, int runs) {
        List<Series> all =
                measure(currentJava(), System.getProperty("java.class.path"), contenders(), Map.of(), baseUrl, runs);
        Series ours = all.get(0);
        Series urlConnection = all.get(1);
        Series ask = all.get(2);
        double ratio = ours.medianMs() / ask.medianMs();
        StringBuilder md = new StringBuilder();
        md.append(TITLE).append("\n\n");
        md.append("Each run is a new `java` process (")
                .append(javaVersion(System.getProperty("java.home")))
                .append(
                        ", this run's class path, no JVM options) that parses one `Messaging.MessageReceived` request, ")
                .append(
                        "writes the acknowledgement `{\"version\":\"1.0\",\"response\":{}}` and sends one skill message ")
                .append("with an empty token cache (one LWA token request, one POST) to the loopback stub, then calls ")
                .append("`System.exit(0)`. This library: `RequestConverter.parse`, `SkillResponse.empty().toBytes()`, ")
                .append("`SkillMessaging.send` on the default `JdkHttpTransport` (and, one row down, on the opt-in ")
                .append("`UrlConnectionTransport`). ASK SDK 2.86.0: `JacksonSerializer` into `RequestEnvelope`, a ")
                .append("`ResponseEnvelope` from its builders, `SkillMessagingServiceClient` with `LwaClient` on ")
                .append("`ApacheHttpApiClient`. Wall-clock from process start to exit, ")
                .append(runs)
                .append(" runs each, interleaved, after one discarded warm-up run each (OS file cache). \"Sent\" is ")
                .append(
                        "process start to the message's 202, before exiting. Peak RSS is the child's `VmHWM` just before ")
                .append("it exits.\n\n");
        md.append(
                "| contender | median ms | min ms | max ms | ratio of medians | median ms to sent | median peak RSS MiB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        md.append(row(OURS, ours, ask));
        md.append(row(OURS_URL, urlConnection, ask));
        md.append(row(ASK, ask, ask));
        md.append("\nTarget: at most ")
                .append(fmt2(TARGET))
                .append(" of the ASK SDK's time (default transport, ratio of ")
                .append("medians ")
                .append(fmt2(ratio))
                .append("): ")
                .append(ratio <= TARGET ? "**met**" : "**not met**")
                .append(".\n\n");
        md.append("Where the time goes (medians, ms; \"JVM start\" is process start to the first line of `main`, ")
                .append("\"exit\" is the report line, `System.exit` and process teardown):\n\n");
        md.append("| contender | JVM start | parse request | write response | send (token + POST) | exit | total |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        md.append(phaseRow(OURS, ours));
        md.append(phaseRow(OURS_URL, urlConnection));
        md.append(phaseRow(ASK, ask));
        md.append('\n');
        return md.toString();
    }

    private static final String OURS = "skillmessaging-java";
    private static final String OURS_URL = "skillmessaging-java, `UrlConnectionTransport`";
    private static final String ASK = "ASK SDK 2.86.0 (Apache HttpClient)";

    /** Ours on the default transport, ours on UrlConnectionTransport, the ASK SDK: in this order everywhere. */
    private static List<Contender> contenders() {
        return List.of(
                new Contender("ours", OursColdStart.class, List.of()),
                new Contender("ours-url", OursColdStart.class, List.of("url-connection")),
                new Contender("ask", AskColdStart.class, List.of()));
    }

    /**
     * Advice for users, not the headline: the same programs under JVM options that shorten start-up
     * (C1 only, an AppCDS archive from one training run), and on each of {@code otherJdks} (a JDK
     * home) without options and, from JDK 25, with an AOT cache.
     */
    public static String variants(String baseUrl, int runs, List<String> otherJdks) {
        Path archives;
        try {
            archives = Files.createTempDirectory("coldstart-archives");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String cp = jarsOnly(System.getProperty("java.class.path"), archives);
        StringBuilder md = new StringBuilder();
        md.append("### Cold start under JVM options (advice, not the headline)\n\n");
        md.append("Same programs and method, ")
                .append(runs)
                .append(" runs each, with class directories packed into jars ")
                .append("(CDS accepts only jars). Archives and caches come from one ")
                .append(
                        "untimed training run per contender (`-XX:ArchiveClassesAtExit`, JDK 25's `-XX:AOTCacheOutput`). ")
                .append("Ratios are ours / ASK's medians.\n\n");
        md.append(
                        "| JVM, options | ours ms | ours, `UrlConnectionTransport` ms | ASK ms | ratio | ratio, `UrlConnectionTransport` ")
                .append("| ratio to sent (ours / ASK) | RSS MiB ours / ASK |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        String java = currentJava();
        String version = javaVersion(System.getProperty("java.home"));
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
        md.append(variantRow(version + ", no options", measure(java, cp, contenders(), Map.of(), baseUrl, runs)));
        md.append(variantRow(
                version + ", `-XX:TieredStopAtLevel=1`", measure(java, cp, contenders(), options(c1), baseUrl, runs)));
        Map<String, List<String>> cds = new HashMap<>();
        for (Contender c : contenders()) {
            Path archive = archives.resolve(c.id() + ".jsa");
            launch(java, cp, List.of("-XX:ArchiveClassesAtExit=" + archive), c, baseUrl);
            requireFile(archive);
            cds.put(c.id(), List.of("-XX:SharedArchiveFile=" + archive));
        }
        md.append(variantRow(
                version + ", AppCDS (`-XX:SharedArchiveFile`)", measure(java, cp, contenders(), cds, baseUrl, runs)));
        Map<String, List<String>> cdsC1 = new HashMap<>();
        cds.forEach((id, options) -> cdsC1.put(id, concat(options, c1)));
        md.append(variantRow(
                version + ", AppCDS + `-XX:TieredStopAtLevel=1`",
                measure(java, cp, contenders(), cdsC1, baseUrl, runs)));
        for (String home : otherJdks) {
            String other = home + File.separator + "bin" + File.separator + "java";
            String otherVersion = javaVersion(home);
            md.append(variantRow(
                    otherVersion + ", no options", measure(other, cp, contenders(), Map.of(), baseUrl, runs)));
            if (feature(otherVersion) >= 25) {
                Map<String, List<String>> aot = new HashMap<>();
                for (Contender c : contenders()) {
                    Path cache = archives.resolve(c.id() + "-" + feature(otherVersion) + ".aot");
                    launch(other, cp, List.of("-XX:AOTCacheOutput=" + cache), c, baseUrl);
                    requireFile(cache);
                    aot.put(c.id(), List.of("-XX:AOTCache=" + cache));
                }
                md.append(variantRow(
                        otherVersion + ", AOT cache (`-XX:AOTCache`)",
                        measure(other, cp, contenders(), aot, baseUrl, runs)));
            }
        }
        md.append('\n');
        deleteAll(archives);
        return md.toString();
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary directory: left for the OS
        }
    }

    /** {@code classPath} with each directory packed into a jar in {@code dir}: CDS archives only jars. */
    private static String jarsOnly(String classPath, Path dir) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = dir.resolve("classes-" + entries.size() + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    Stream<Path> files = Files.walk(path)) {
                for (Path file :
                        (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(
                            new JarEntry(path.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The same JVM options for every contender. */
    private static Map<String, List<String>> options(List<String> options) {
        Map<String, List<String>> all = new HashMap<>();
        contenders().forEach(c -> all.put(c.id(), options));
        return all;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the training run did not write " + file);
        }
    }

    /**
     * One warm-up run each, then {@code runs} rounds of one run each, in turn; {@code options}
     * holds each contender's JVM options by id (none when absent).
     */
    private static List<Series> measure(
            String java,
            String classPath,
            List<Contender> contenders,
            Map<String, List<String>> options,
            String baseUrl,
            int runs) {
        List<List<Sample>> samples = new ArrayList<>();
        for (Contender c : contenders) {
            launch(java, classPath, options.getOrDefault(c.id(), List.of()), c, baseUrl);
            samples.add(new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < contenders.size(); k++) {
                Contender c = contenders.get(k);
                samples.get(k).add(launch(java, classPath, options.getOrDefault(c.id(), List.of()), c, baseUrl));
            }
        }
        List<Series> series = new ArrayList<>();
        samples.forEach(s -> series.add(new Series(s)));
        return series;
    }

    /** One child process: its wall-clock time, peak RSS and phase ends. */
    private static Sample launch(
            String java, String classPath, List<String> options, Contender contender, String baseUrl) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(contender.main().getName());
        command.add(baseUrl);
        command.addAll(contender.args());
        String who = contender.id();
        try {
            Path output = Files.createTempFile("coldstart", ".out");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                long start = System.nanoTime();
                Process process = builder.start();
                boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long end = System.nanoTime();
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (!exited) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            who + " did not exit within " + TIMEOUT_SECONDS + " s: " + command + "\n" + text);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(
                            who + " exited with " + process.exitValue() + ": " + command + "\n" + text);
                }
                return Sample.parse(text, start, end, who);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String currentJava() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** "JDK 17.0.15" from the JDK's {@code release} file, or the home's name. */
    static String javaVersion(String home) {
        try {
            for (String line : Files.readAllLines(Path.of(home, "release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return "JDK " + line.substring("JAVA_VERSION=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        if (home.equals(System.getProperty("java.home"))) {
            return "JDK " + System.getProperty("java.version");
        }
        return Path.of(home).getFileName().toString();
    }

    private static int feature(String version) {
        String digits = version.replaceAll("^\\D*(\\d+).*$", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String row(String name, Series s, Series ask) {
        return "| " + name + " | " + fmt0(s.medianMs()) + " | " + fmt0(s.minMs()) + " | " + fmt0(s.maxMs()) + " | "
                + fmt2(s.medianMs() / ask.medianMs()) + " | " + fmt0(s.median(Sample::sentNs) / 1e6) + " | "
                + fmt0(s.medianRssMiB()) + " |\n";
    }

    private static String phaseRow(String name, Series s) {
        return "| " + name + " | " + phase(s, Sample::bootNs) + " | " + phase(s, Sample::parseNs) + " | "
                + phase(s, Sample::respondNs) + " | " + phase(s, Sample::sendNs) + " | " + phase(s, Sample::exitNs)
                + " | " + fmt1(s.medianMs()) + " |\n";
    }

    private static String phase(Series s, ToLongFunction<Sample> part) {
        double ns = s.median(part);
        return ns < 0 ? "n/a" : fmt1(ns / 1e6);
    }

    private static String variantRow(String name, List<Series> all) {
        Series ours = all.get(0);
        Series url = all.get(1);
        Series ask = all.get(2);
        return "| " + name + " | " + fmt0(ours.medianMs()) + " | " + fmt0(url.medianMs()) + " | " + fmt0(ask.medianMs())
                + " | " + fmt2(ours.medianMs() / ask.medianMs()) + " | " + fmt2(url.medianMs() / ask.medianMs()) + " | "
                + fmt2(ours.median(Sample::sentNs) / ask.median(Sample::sentNs)) + " | " + fmt0(ours.medianRssMiB())
                + " / " + fmt0(ask.medianRssMiB()) + " |\n";
    }

    private static String fmt0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String fmt1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A program to start: {@code main} with the base URL and {@code args}. */
    private record Contender(String id, Class<?> main, List<String> args) {}

    /** Runs of one contender. */
    private record Series(List<Sample> samples) {
        double median(ToLongFunction<Sample> value) {
            long[] v = samples.stream().mapToLong(value).sorted().toArray();
            if (v.length == 0 || v[0] < 0) {
                return -1;
            }
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
        }

        double medianMs() {
            return median(Sample::wallNs) / 1e6;
        }

        double minMs() {
            return samples.stream().mapToLong(Sample::wallNs).min().orElse(0) / 1e6;
        }

        double maxMs() {
            return samples.stream().mapToLong(Sample::wallNs).max().orElse(0) / 1e6;
        }

        double medianRssMiB() {
            return median(Sample::rssKb) / 1024.0;
        }
    }

    /**
     * One run. Phase durations come from the child's System.nanoTime stamps, comparable with the
     * parent's because both read CLOCK_MONOTONIC (HotSpot on Linux); -1 when they are not.
     */
    private record Sample(
            long wallNs, long rssKb, long bootNs, long parseNs, long respondNs, long sendNs, long exitNs) {
        /** Process start to the message's 202; -1 when the clocks are not comparable. */
        long sentNs() {
            return exitNs < 0 ? -1 : wallNs - exitNs;
        }

        static Sample parse(String output, long start, long end, String who) {
            String line = Arrays.stream(output.split("\n"))
                    .filter(l -> l.startsWith(Fixture.MARKER + " "))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException(who + " printed no " + Fixture.MARKER + " line:\n" + output));
            long rss = field(line, "rss_kb");
            long main = field(line, "main");
            long parsed = field(line, "parsed");
            long responded = field(line, "responded");
            long sent = field(line, "sent");
            boolean sameClock = start <= main && main <= sent && sent <= end;
            return new Sample(
                    end - start,
                    rss,
                    sameClock ? main - start : -1,
                    parsed - main,
                    responded - parsed,
                    sent - responded,
                    sameClock ? end - sent : -1);
        }

        private static long field(String line, String name) {
            for (String part : line.split(" ")) {
                if (part.startsWith(name + "=")) {
                    return Long.parseLong(part.substring(name.length() + 1));
                }
            }
            throw new IllegalStateException("no " + name + " in " + line);
        }
    }
}
