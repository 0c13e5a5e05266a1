package io.github.skillmessaging.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a fan-out contender spends its CPU: more passes of the contender under an in-process JFR
 * recording (execution samples), and the JVM-wide counters the fan-out table reads (CPU time,
 * bytes allocated).
 *
 * <p>A sample is charged to the first frame, from the top of its stack, that belongs to a known
 * component ({@link #COMPONENTS}); frames of {@code java.lang}, {@code java.util} and the like
 * are skipped, so a {@code HashMap.get} inside the JDK's HTTP client counts for that client.
 */
final class Profile {
    /** Package prefixes and the component they belong to, checked in this order for each frame. */
    static final Map<String, String> COMPONENTS = components();

    private final Map<String, Integer> byComponent;
    private final Map<String, Integer> byMethod;
    private final int samples;
    private final long messages;

    private Profile(Map<String, Integer> byComponent, Map<String, Integer> byMethod, int samples, long messages) {
        this.byComponent = byComponent;
        this.byMethod = byMethod;
        this.samples = samples;
        this.messages = messages;
    }

    private static Map<String, String> components() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("io.github.skillmessaging.benchmarks.", "benchmark driver");
        m.put("io.github.skillmessaging.http.", "SDK transport");
        m.put("io.github.skillmessaging.transport.", "SDK transport"); // opt-in transport modules
        m.put("io.github.skillmessaging.", "SDK client");
        m.put("jdk.internal.net.http.", "java.net.http");
        m.put("java.net.http.", "java.net.http");
        m.put("sun.net.www.", "HttpURLConnection");
        m.put("org.apache.http.", "Apache HttpClient");
        m.put("com.amazon.ask.", "ASK SDK");
        m.put("com.fasterxml.jackson.", "Jackson");
        m.put("sun.security.", "TLS and crypto");
        m.put("javax.crypto.", "TLS and crypto");
        m.put("com.sun.crypto.", "TLS and crypto");
        m.put("javax.net.ssl.", "TLS and crypto");
        m.put("sun.net.httpserver.", "in-process stub server (smoke run)");
        m.put("sun.nio.ch.", "sockets and selector");
        m.put("java.nio.channels.", "sockets and selector");
        m.put("java.net.", "sockets and selector");
        m.put("sun.net.", "sockets and selector");
        m.put("java.util.concurrent.", "futures, locks, executors");
        return m;
    }

    /**
     * Runs {@code run} under JFR, {@code n} messages at a time, until {@code atLeast} has passed,
     * and returns what the recording saw.
     */
    static Profile of(Contenders.Run run, int n, Duration atLeast) throws Exception {
        Path file = Files.createTempFile("fanout", ".jfr");
        try {
            long messages = 0;
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
                long end = System.nanoTime() + atLeast.toNanos();
                do {
                    int accepted = run.send(n);
                    if (accepted < n - n / 1000) { // as in the rounds: a rare stale keep-alive POST is not fatal
                        throw new IllegalStateException("profiled pass: only " + accepted + " of " + n + " accepted");
                    }
                    messages += n;
                } while (System.nanoTime() - end < 0);
                recording.stop();
                recording.dump(file);
            }
            return read(file, messages);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Bytes allocated so far by the threads alive now (HotSpot's per-thread counters). */
    static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
                .filter(b -> b > 0)
                .sum();
    }

    /** CPU time (user and system) of this JVM process so far. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Profile read(Path file, long messages) throws IOException {
        Map<String, Integer> byComponent = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            byComponent.merge(component(frames), 1, Integer::sum);
            byMethod.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
        }
        return new Profile(byComponent, byMethod, samples, messages);
    }

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> c : COMPONENTS.entrySet()) {
                if (type.startsWith(c.getKey())) {
                    return c.getValue();
                }
            }
        }
        return "other JDK code";
    }

    private static String name(RecordedMethod method) {
        String type = method.getType().getName();
        int lambda = type.indexOf("$$Lambda");
        if (lambda >= 0) {
            type = type.substring(0, lambda) + "$$Lambda";
        }
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName();
    }

    int samples() {
        return samples;
    }

    long messages() {
        return messages;
    }

    /** The share of samples (0..1) charged to {@code component}. */
    double share(String component) {
        return samples == 0 ? 0 : byComponent.getOrDefault(component, 0) / (double) samples;
    }

    /** Components in the order of {@link #COMPONENTS}, then "other JDK code". */
    static List<String> componentNames() {
        List<String> names = new ArrayList<>();
        COMPONENTS.values().stream().distinct().forEach(names::add);
        names.add("other JDK code");
        return names;
    }

    /** The {@code k} methods most often on top of the stack, with their share of samples. */
    String topMethods(int k) {
        List<String> parts = new ArrayList<>();
        byMethod.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(k)
                .forEach(e -> parts.add("`" + e.getKey() + "` "
                        + String.format(Locale.ROOT, "%.0f %%", 100.0 * e.getValue() / Math.max(1, samples))));
        return String.join(", ", parts);
    }
}
