package io.github.skillmessaging.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, docs/*.md, SECURITY.md, CONTRIBUTING.md and CHANGELOG.md
 * points to a file or directory of the repository, and every {@code #anchor} to a heading of the
 * target Markdown file (anchors made as GitHub makes them).
 */
class LinksTest {
    private static final Pattern INLINE_LINK =
            Pattern.compile("\\[(?:[^\\]\\[]|\\[[^\\]]*])*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+]:\\s*(\\S+)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    /** The anchors GitHub makes for the headings of a Markdown file. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(DocFiles.prose(file));
        while (m.find()) {
            String slug = slug(m.group(1));
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        Matcher html = Pattern.compile("<a (?:id|name)=\"([^\"]+)\"").matcher(DocFiles.read(file));
        while (html.find()) {
            anchors.add(html.group(1));
        }
        return anchors;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1"); // a link keeps its text
        text = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (c == ' ') {
                out.append('-');
            }
        });
        return out.toString();
    }

    static List<String> targets(Path file) {
        String prose = CODE_SPAN.matcher(DocFiles.prose(file)).replaceAll("");
        List<String> targets = new ArrayList<>();
        for (Pattern p : List.of(INLINE_LINK, REFERENCE)) {
            Matcher m = p.matcher(prose);
            while (m.find()) {
                targets.add(m.group(1).replaceAll("^<|>$", ""));
            }
        }
        return targets;
    }

    @Test
    void slugsAreGitHubs() {
        assertThat(slug("Errors and what to do")).isEqualTo("errors-and-what-to-do");
        assertThat(slug("The `SkillMessaging` client: one token")).isEqualTo("the-skillmessaging-client-one-token");
        assertThat(slug("[0.1.0] - 2026-12-02")).isEqualTo("010---2026-12-02");
        assertThat(slug("Retries, duplicates & timeouts")).isEqualTo("retries-duplicates--timeouts");
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Path file : DocFiles.linked()) {
            for (String target : targets(file)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: ...
                }
                count++;
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved =
                        path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                String where = DocFiles.relative(file) + " -> " + target;
                if (!resolved.startsWith(DocFiles.root())) {
                    problems.add(where + ": leaves the repository");
                } else if (!Files.exists(resolved)) {
                    problems.add(where + ": no such file or directory");
                } else if (anchor != null) {
                    if (!resolved.toString().endsWith(".md")) {
                        problems.add(where + ": an anchor into a file that is not Markdown");
                    } else if (!anchors(resolved).contains(anchor)) {
                        problems.add(
                                where + ": no heading makes #" + anchor + " (there are " + anchors(resolved) + ")");
                    }
                }
            }
        }
        assertThat(problems).as("dead links").isEmpty();
        assertThat(count).as("relative links found").isGreaterThan(10);
    }
}
