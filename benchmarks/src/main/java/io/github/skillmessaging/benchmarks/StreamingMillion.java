package io.github.skillmessaging.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.skillmessaging.BulkSummary;
import io.github.skillmessaging.Message;
import io.github.skillmessaging.Recipient;
import io.github.skillmessaging.SkillMessaging;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Section 3c: a streaming bulk send of a million recipients in a child JVM with {@code -Xmx64m}
 * to the loopback stub (run in the parent JVM, so that its heap is not counted): every recipient
 * must get exactly one result; reported are the time and the child's peak heap, both as the sum of
 * the heap pools' peaks and as the most heap in use after a collection (the live set).
 */
final class StreamingMillion {
    private StreamingMillion() {}

    static final String HEAP = "-Xmx64m";

    static String run(int n) throws Exception {
        String[] r;
        int served;
        try (StubServer stub = new StubServer(0)) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Benchmarks.class.getName(),
                    "--stream-child",
                    "--target",
                    stub.baseUrl(),
                    "--messages",
                    String.valueOf(n)));
            Process child =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the streaming child failed:\n" + output);
            }
            r = output.lines()
                    .filter(l -> l.startsWith("STREAM "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the streaming child printed no result:\n" + output))
                    .split(" ");
            served = stub.messages();
        }
        double seconds = Double.parseDouble(r[2]);
        return "## 3c. Streaming bulk send: " + n + " recipients, client JVM with `" + HEAP + "`\n\n"
                + "| recipients | exactly one result each | accepted | failed | messages the stub answered | seconds "
                + "| messages/s | peak heap, sum of pool peaks (MiB) | most heap after a GC (MiB) |\n"
                + "|---|---|---|---|---|---|---|---|---|\n"
                + "| " + n + " | " + r[1] + " | " + r[3] + " | " + r[4] + " | " + served + " | "
                + format("%.1f", seconds) + " | " + format("%.0f", n / seconds) + " | "
                + format("%.1f", Long.parseLong(r[5]) / 1048576.0) + " | "
                + format("%.1f", Long.parseLong(r[6]) / 1048576.0) + " |\n\n"
                + "`SkillMessaging.bulkSend().onResult(…).onProgress(…).send(iterator, message)` with the defaults "
                + "(`JdkHttpTransport`, 16 in flight) on a generated `Iterator` that makes each recipient when it "
                + "is taken; the result consumer marks the recipient's bit (a `BitSet`, 125 KB) and fails the run on a "
                + "second result. The stub (the JDK HTTP server, in the parent JVM) answers 202. Peak heap: the "
                + "`MemoryPoolMXBean` peaks of the heap pools, summed (an upper bound: the pools peak at different "
                + "times), and the most heap in use right after a collection, from the GC notifications. Target "
                + "(issue #13): completes with `-Xmx64m`, every recipient exactly one result.\n\n";
    }

    /** Child JVM: prints {@code STREAM <exactly-once yes|no> <seconds> <accepted> <failed> <pool peaks> <after-GC max>}. */
    static void child(String target, int n) throws Exception {
        AtomicLong maxAfterGc = new AtomicLong();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    var info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                            .mapToLong(MemoryUsage::getUsed)
                                            .sum();
                                    maxAfterGc.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
        Iterator<Recipient> recipients = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Recipient next() {
                if (next >= n) {
                    throw new NoSuchElementException();
                }
                return new Recipient("amzn1.ask.account.S" + next++, target);
            }
        };
        BitSet seen = new BitSet(n);
        AtomicLong twice = new AtomicLong();
        int prefix = "amzn1.ask.account.S".length();
        BulkSummary summary;
        try (SkillMessaging messaging = SkillMessaging.builder()
                .clientId("bench-client")
                .clientSecret("bench-secret")
                .tokenBaseAddress(target)
                .defaultEndpoint(target)
                .build()) {
            summary = messaging
                    .bulkSend()
                    .onResult(result -> {
                        int i = Integer.parseInt(result.recipient().userId().substring(prefix));
                        if (seen.get(i)) {
                            twice.incrementAndGet();
                        }
                        seen.set(i);
                        if (!result.isAccepted()) {
                            Contenders.LAST_FAILURE.set(result);
                        }
                    })
                    .onProgress(java.time.Duration.ofSeconds(10), progress -> System.err.println("[3c] " + progress))
                    .send(recipients, new Message(Contenders.DATA));
        }
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        boolean exactlyOnce = twice.get() == 0 && seen.cardinality() == n && summary.total() == n;
        if (!exactlyOnce || summary.failed() > 0) {
            System.err.println("[3c] " + summary + "; twice: " + twice.get() + ", distinct: " + seen.cardinality()
                    + "; last failure: " + Contenders.LAST_FAILURE.get());
        }
        System.out.println("STREAM " + (exactlyOnce ? "yes" : "NO") + " "
                + format("%.3f", summary.elapsed().toNanos() / 1e9) + " " + summary.accepted() + " " + summary.failed()
                + " " + poolPeaks + " " + maxAfterGc.get());
        System.out.flush();
        System.exit(exactlyOnce ? 0 : 3);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
