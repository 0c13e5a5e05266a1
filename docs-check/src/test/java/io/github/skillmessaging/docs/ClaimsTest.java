package io.github.skillmessaging.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.skillmessaging.ClientBuilder;
import io.github.skillmessaging.RetryPolicy;
import io.github.skillmessaging.SkillMessaging;
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.JdkHttpTransport;
import io.github.skillmessaging.verify.RequestVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The claims of README.md, CHANGELOG.md and docs/ that code can check. */
class ClaimsTest {
    private static final Pattern DEFAULT_TRANSPORT_CLAIM =
            Pattern.compile("(?i)default transport[^.`]*?\\b(?:is|are)\\b[^.`]*?`(\\w+)`");

    /** A builder of no client at all: shows what every client builder resolves by default. */
    private static final class DefaultsProbe extends ClientBuilder<DefaultsProbe> {
        HttpTransport transport() {
            return options().transport();
        }
    }

    private static Path root() {
        return DocFiles.root();
    }

    /** The module directories of the build: the root POM's modules and the modules of those that aggregate. */
    static Set<String> buildModules() {
        Set<String> modules = new LinkedHashSet<>();
        collectModules(root(), "", modules);
        return modules;
    }

    private static void collectModules(Path dir, String prefix, Set<String> modules) {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(DocFiles.read(dir.resolve("pom.xml")));
        while (m.find()) {
            String module = prefix + m.group(1).trim();
            modules.add(module);
            collectModules(root().resolve(module), module + "/", modules);
        }
    }

    @Test
    void everyClientAndTheVerifierShareOneJdkHttpTransportByDefault() {
        HttpTransport clients = new DefaultsProbe().transport();
        assertThat(clients).isExactlyInstanceOf(JdkHttpTransport.class);
        assertThat(new DefaultsProbe().transport()).isSameAs(clients);
        assertThat(RequestVerifier.create().transport()).isSameAs(clients);
    }

    @Test
    void everyDefaultTransportClaimNamesTheRealDefault() {
        String actual = new DefaultsProbe().transport().getClass().getSimpleName();
        List<Path> files = new ArrayList<>(DocFiles.guides());
        files.add(root().resolve("CHANGELOG.md"));
        List<String> problems = new ArrayList<>();
        Set<String> claimedIn = new LinkedHashSet<>();
        for (Path file : files) {
            Matcher m = DEFAULT_TRANSPORT_CLAIM.matcher(DocFiles.read(file).replaceAll("\\s+", " "));
            while (m.find()) {
                claimedIn.add(DocFiles.relative(file));
                if (!m.group(1).equals(actual)) {
                    problems.add(DocFiles.relative(file) + " says the default transport is " + m.group(1) + " (it is "
                            + actual + "): \"" + m.group() + "\"");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(claimedIn).contains("README.md", "CHANGELOG.md", "docs/transports-and-performance.md");
    }

    @Test
    void theDocumentedDefaultsAreTheCodes() {
        assertThat(ClientBuilder.DEFAULT_ATTEMPT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(3);
        assertThat(RetryPolicy.DEFAULT.initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryPolicy.DEFAULT.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(RetryPolicy.DEFAULT.jitter()).isEqualTo(0.2);
        assertThat(RetryPolicy.DEFAULT.totalTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(SkillMessaging.Builder.DEFAULT_BULK_CONCURRENCY).isEqualTo(16);
        assertThat(RequestVerifier.DEFAULT_FETCH_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
        assertThat(RequestVerifier.DEFAULT_CERTIFICATE_CACHE_SIZE).isEqualTo(16);
        String configuration = DocFiles.read(root().resolve("docs/configuration.md"));
        assertThat(configuration)
                .contains(
                        "| `attemptTimeout(Duration)` | 10 s |",
                        "| `bulkConcurrency(int)` | 16 |",
                        "| `fetchTimeout(Duration)` | 5 s |",
                        "| `certificateCacheSize(int)` | 16 |",
                        "3 attempts, 500 ms doubling to at most 20 s, 20 % jitter, 60 s for the whole call");
    }

    @Test
    void everyModuleTheReadmeNamesIsInTheBuild() {
        Set<String> modules = buildModules();
        String readme = DocFiles.read(root().resolve("README.md"));
        List<String> problems = new ArrayList<>();
        // The module map: rows whose first cell is a module path in backticks.
        Matcher row = Pattern.compile("(?m)^\\| `([\\w./-]+)` \\|").matcher(readme);
        int rows = 0;
        while (row.find()) {
            rows++;
            String module = row.group(1).replaceAll("/$", "");
            if (!modules.contains(module)
                    || !Files.isRegularFile(root().resolve(module).resolve("pom.xml"))) {
                problems.add("README's module map names " + module + ", which is not a module of the build " + modules);
            }
        }
        assertThat(rows).as("rows of the module map").isGreaterThanOrEqualTo(8);
        // Every artifact named anywhere in README.md, CHANGELOG.md and docs/.
        List<Path> files = new ArrayList<>(DocFiles.guides());
        files.add(root().resolve("CHANGELOG.md"));
        for (Path file : files) {
            Matcher artifact =
                    Pattern.compile("\\bskillmessaging-[a-z]+(?:-[a-z]+)*\\b").matcher(DocFiles.read(file));
            while (artifact.find()) {
                String name = artifact.group();
                if (!name.equals("skillmessaging-java")
                        && !name.equals("skillmessaging-parent")
                        && !modules.contains(name)) {
                    problems.add(DocFiles.relative(file) + " names " + name + ", which is not a module of the build");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theReadmesCommandsAreTheOnesThatRun() {
        String readme = DocFiles.read(root().resolve("README.md"));
        assertThat(readme)
                .contains(
                        "```sh\n./mvnw -q -Pdemo -DskipTests -pl examples/two-way-sync -am verify\n```",
                        "```sh\n./mvnw -B verify\n```");
        assertThat(DocFiles.read(root().resolve("examples/two-way-sync/pom.xml")))
                .contains("<id>demo</id>");
        assertThat(DocFiles.read(root().resolve(".ci/run"))).contains("./mvnw -B -ntp verify");
    }

    @Test
    void theVersionToInstallIsTheReleaseBeingPreparedAndHasAChangelogSection() {
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(DocFiles.read(root().resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        String release = m.group(1).replace("-SNAPSHOT", "");
        String readme = DocFiles.read(root().resolve("README.md"));
        assertThat(readme)
                .contains(
                        "<artifactId>skillmessaging-bom</artifactId>\n      <version>" + release + "</version>",
                        "platform(\"io.github.skillmessaging:skillmessaging-bom:" + release + "\")");
        Matcher any = Pattern.compile("skillmessaging-bom:([\\w.-]+)\"|<version>([\\w.-]+)</version>")
                .matcher(readme);
        while (any.find()) {
            String v = any.group(1) != null ? any.group(1) : any.group(2);
            assertThat(v).as("every version in README.md").isEqualTo(release);
        }
        String changelog = DocFiles.read(root().resolve("CHANGELOG.md"));
        assertThat(changelog).contains("\n## [" + release + "] - ");
    }

    @Test
    void theChangelogIsInKeepAChangelogForm() {
        String changelog = DocFiles.read(root().resolve("CHANGELOG.md"));
        Matcher heading = Pattern.compile("(?m)^## \\[([^\\]]+)]").matcher(changelog);
        List<String> versions = new ArrayList<>();
        while (heading.find()) {
            versions.add(heading.group(1));
        }
        assertThat(versions).as("version sections").isNotEmpty().first().isEqualTo("Unreleased");
        for (String version : versions) {
            assertThat(changelog)
                    .as("link definition of [%s]", version)
                    .containsPattern("(?m)^\\[" + Pattern.quote(version) + "]: https://");
        }
        Matcher section = Pattern.compile("(?m)^### (.+)$").matcher(changelog);
        Set<String> kinds = Set.of("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security");
        while (section.find()) {
            assertThat(kinds)
                    .as("### %s is a Keep a Changelog kind", section.group(1))
                    .contains(section.group(1).trim());
        }
    }
}
