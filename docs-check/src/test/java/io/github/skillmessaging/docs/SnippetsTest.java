package io.github.skillmessaging.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md and docs/*.md is a region of this module's test sources,
 * between {@code // tag::NAME[]} and {@code // end::NAME[]}, compared after removing the common
 * indentation. Those sources compile against the real modules in this build, so a snippet that no
 * longer compiles fails the build. A region is a whole compilation unit without its package line:
 * the snippet shows its imports and names every type it uses.
 */
class SnippetsTest {
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([\\w.-]+)\\[]\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// end::([\\w.-]+)\\[]\\s*$");

    static Map<String, String> regions() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        Path sources = DocFiles.root().resolve("docs-check/src/test/java");
        List<Path> files;
        try (Stream<Path> s = Files.walk(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String[] lines = Files.readString(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher tag = TAG.matcher(lines[i]);
                if (!tag.matches()) {
                    continue;
                }
                String name = tag.group(1);
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                for (; j < lines.length; j++) {
                    Matcher end = END.matcher(lines[j]);
                    if (end.matches()) {
                        assertThat(end.group(1))
                                .as("%s:%d closes another region", file, j + 1)
                                .isEqualTo(name);
                        break;
                    }
                    assertThat(TAG.matcher(lines[j]).matches())
                            .as("%s:%d: regions do not nest", file, j + 1)
                            .isFalse();
                    text.append(lines[j]).append('\n');
                }
                assertThat(j)
                        .as("%s: region %s has no end::%s[]", file, name, name)
                        .isLessThan(lines.length);
                assertThat(regions.put(name, DocFiles.normalize(text.toString())))
                        .as("region %s is defined twice", name)
                        .isNull();
                i = j;
            }
        }
        return regions;
    }

    @Test
    void everyJavaSnippetIsACompiledRegion() throws IOException {
        Map<String, String> regions = regions();
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Path file : DocFiles.guides()) {
            for (DocFiles.Block block : DocFiles.blocks(file)) {
                if (!block.language().equals("java")) {
                    continue;
                }
                count++;
                String text = DocFiles.normalize(block.text());
                if (!regions.containsValue(text)) {
                    problems.add(block + " matches no // tag::NAME[] region of docs-check/src/test/java;"
                            + " closest first line: " + text.lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(problems).as("Java snippets that are not compiled").isEmpty();
        assertThat(count).as("Java snippets found").isPositive();
    }

    @Test
    void everySnippetShowsItsImportsAndNoVar() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> region : regions().entrySet()) {
            String text = region.getValue();
            if (!text.startsWith("import ")) {
                problems.add(region.getKey() + ": does not start with its imports");
            }
            if (Pattern.compile("\\bvar\\s+\\w+\\s*=").matcher(text).find()) {
                problems.add(region.getKey() + ": uses var (name the type)");
            }
            if (text.contains("import io.github.skillmessaging.internal")) {
                problems.add(region.getKey() + ": imports an internal package");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void regionsAreWholeFilesInAPackageOfTheirOwn() throws IOException {
        // A region's class must not see a type through its package without an import: each region's
        // file is alone in its package.
        Path sources = DocFiles.root().resolve("docs-check/src/test/java/io/github/skillmessaging/docs/snippets");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(sources)) {
            for (Path dir : dirs.filter(Files::isDirectory).collect(Collectors.toList())) {
                try (Stream<Path> files = Files.list(dir)) {
                    long javaFiles =
                            files.filter(p -> p.toString().endsWith(".java")).count();
                    if (javaFiles > 1) {
                        problems.add(DocFiles.relative(dir) + " holds " + javaFiles + " files");
                    }
                }
            }
        }
        // ...and the region is the whole file but its package line, so nothing compiled is hidden.
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                List<String> lines = Files.readAllLines(file).stream()
                        .filter(l -> !l.isBlank())
                        .collect(Collectors.toList());
                boolean whole = lines.size() > 3
                        && lines.get(0).startsWith("package ")
                        && TAG.matcher(lines.get(1)).matches()
                        && END.matcher(lines.get(lines.size() - 1)).matches();
                if (!whole) {
                    problems.add(
                            DocFiles.relative(file) + " is not one region from the line after its package to its end");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyGuideSaysWhichDependencyItNeeds() {
        List<String> problems = new ArrayList<>();
        for (Path guide : DocFiles.markdownIn(DocFiles.root().resolve("docs"))) {
            String text = DocFiles.read(guide);
            if (guide.getFileName().toString().equals("README.md")) {
                continue;
            }
            int at = text.indexOf("**Dependency:**");
            if (at < 0) {
                problems.add(DocFiles.relative(guide) + " has no **Dependency:** paragraph");
                continue;
            }
            int end = text.indexOf("\n\n", at);
            String paragraph = text.substring(at, end < 0 ? text.length() : end);
            if (!paragraph.matches(
                            "(?s).*io\\.github\\.skillmessaging:skillmessaging-[a-z-]+.*|(?s).*`skillmessaging-[a-z-]+`.*")
                    || !paragraph.contains("scope")) {
                problems.add(DocFiles.relative(guide)
                        + ": its **Dependency:** paragraph must name an artifact and its scope");
            }
        }
        assertThat(problems).isEmpty();
    }
}
