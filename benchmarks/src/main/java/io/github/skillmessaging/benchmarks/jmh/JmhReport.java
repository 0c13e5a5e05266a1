package io.github.skillmessaging.benchmarks.jmh;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ParsingBenchmark} and {@link VerificationBenchmark} with JMH and renders the
 * Markdown sections "4. Parsing (JMH)" and "5. Verification (JMH)" of issue #8: throughput of
 * each contender and its ratio to the section's baseline, measured in the same run.
 *
 * <p>Full: one fork per benchmark (which inherits {@code java.class.path}, so launch with
 * {@code java -cp ...}), 6 warm-up and 5 measured iterations of 1 s each, about 95 s in all. Six
 * warm-up seconds, not three: on a busy 2-core machine the JIT needed 5 to 6 s before Jackson's
 * code paths reached a steady rate. Smoke: in-process, one 100 ms warm-up and one
 * 100 ms measurement, a few seconds in all; it proves the benchmarks run, its figures mean
 * nothing.
 */
public final class JmhReport {
    /** The library's throughput must be at least this fraction of the section's baseline. */
    static final double TARGET = 0.8;

    private JmhReport() {}

    /** {@code --smoke} for the quick run; prints the report. */
    public static void main(String[] args) throws RunnerException {
        boolean smoke = args.length > 0 && args[0].equals("--smoke");
        System.out.println(run(smoke));
    }

    /** Runs both benchmarks and returns the two Markdown sections. */
    public static String run(boolean smoke) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ParsingBenchmark.class.getName() + "\\.")
                .include(VerificationBenchmark.class.getName() + "\\.")
                .shouldFailOnError(true);
        if (smoke) {
            options.forks(0)
                    .warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(100))
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        } else {
            options.forks(1)
                    .jvmArgsAppend("-Xms512m", "-Xmx512m")
                    .warmupIterations(6)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Result<?>> scores = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            scores.put(
                    benchmark.substring(benchmark.lastIndexOf('.') + 1) + "@"
                            + benchmark.substring(0, benchmark.lastIndexOf('.')),
                    result.getPrimaryResult());
        }
        return parsing(scores, smoke) + verification(scores, smoke);
    }

    private static String parsing(Map<String, Result<?>> scores, boolean smoke) {
        String of = "@" + ParsingBenchmark.class.getName();
        StringBuilder md = new StringBuilder("## 4. Parsing (JMH)\n\n");
        md.append(setting(smoke))
                .append(
                        "The same request text (a `String`) read into a typed model by each contender. Baseline: plain Jackson ")
                .append("`ObjectMapper.readValue` into hand-written records (`PlainJacksonModel`).\n\n")
                .append("| request | contender | ops/s | vs plain Jackson |\n| --- | --- | ---: | ---: |\n");
        StringBuilder verdicts = new StringBuilder();
        for (String[] request : new String[][] {
            {"MessageReceived", "`Messaging.MessageReceived`"},
            {"ItemsCreated", "`AlexaHouseholdListEvent.ItemsCreated`"}
        }) {
            Result<?> baseline = scores.get("jackson" + request[0] + of);
            Result<?> library = scores.get("library" + request[0] + of);
            row(md, request[1], "skillmessaging `RequestConverter.convert`", library, baseline);
            row(md, request[1], "plain Jackson POJO (baseline)", baseline, baseline);
            row(
                    md,
                    request[1],
                    "ASK SDK `JacksonSerializer.deserialize`",
                    scores.get("askSdk" + request[0] + of),
                    baseline);
            verdicts.append(verdicts.length() == 0 ? "" : "; ")
                    .append(request[1])
                    .append(' ')
                    .append(verdict(library, baseline));
        }
        return md.append("\nTarget: the library at least ")
                .append(TARGET)
                .append(" × plain Jackson: ")
                .append(verdicts)
                .append(".\n\n")
                .toString();
    }

    private static String verification(Map<String, Result<?>> scores, boolean smoke) {
        String of = "@" + VerificationBenchmark.class.getName();
        Result<?> baseline = scores.get("bareSignatureVerify" + of);
        Result<?> library = scores.get("library" + of);
        StringBuilder md = new StringBuilder("## 5. Verification (JMH)\n\n");
        md.append(setting(smoke))
                .append(
                        "A signed `Messaging.MessageReceived` (RSA 2048 sandbox chain, cached before measuring; production ")
                .append(
                        "timestamp policy, timestamp fresh at setup). Baseline: bare `Signature.verify` (SHA256withRSA, ")
                .append("same body, same public key, `getInstance` + `initVerify` per call).\n\n")
                .append("| contender | ops/s | vs bare Signature.verify |\n| --- | --- | ---: |\n");
        row(md, null, "skillmessaging `RequestVerifier.verify` (cached chain)", library, baseline);
        row(md, null, "bare `Signature.verify` (baseline)", baseline, baseline);
        return md.append("\nTarget: the library at least ")
                .append(TARGET)
                .append(" × bare `Signature.verify`: ")
                .append(verdict(library, baseline))
                .append(".\n\n")
                .toString();
    }

    private static String setting(boolean smoke) {
        return smoke
                ? "_Smoke run (in-process, 100 ms per contender): these figures mean nothing._\n\n"
                : "JMH throughput, 1 fork, 6 × 1 s warm-up, 5 × 1 s measured; ± is JMH's 99.9 % error.\n\n";
    }

    private static void row(StringBuilder md, String request, String contender, Result<?> result, Result<?> baseline) {
        md.append("| ");
        if (request != null) {
            md.append(request).append(" | ");
        }
        md.append(contender)
                .append(" | ")
                .append(score(result))
                .append(" | ")
                .append(ratioText(result, baseline))
                .append(" |\n");
    }

    private static String score(Result<?> result) {
        if (result == null) {
            return "n/a";
        }
        double error = result.getScoreError();
        return Double.isNaN(error)
                ? String.format(Locale.ROOT, "%,.0f", result.getScore())
                : String.format(Locale.ROOT, "%,.0f ± %,.0f", result.getScore(), error);
    }

    private static double ratio(Result<?> result, Result<?> baseline) {
        return result == null || baseline == null || baseline.getScore() <= 0
                ? Double.NaN
                : result.getScore() / baseline.getScore();
    }

    private static String ratioText(Result<?> result, Result<?> baseline) {
        double ratio = ratio(result, baseline);
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String verdict(Result<?> library, Result<?> baseline) {
        double ratio = ratio(library, baseline);
        if (Double.isNaN(ratio)) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "%.2f, %s", ratio, ratio >= TARGET ? "met" : "**not met**");
    }
}
