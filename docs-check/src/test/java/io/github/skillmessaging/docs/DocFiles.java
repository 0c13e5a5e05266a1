package io.github.skillmessaging.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The repository's documentation files and the fenced code blocks in them. */
final class DocFiles {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");

    private DocFiles() {}

    /** The repository root: the nearest directory above the working directory that holds docs-check/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("docs-check")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }

    /** README.md and every Markdown file of docs/: the files whose Java snippets must compile. */
    static List<Path> guides() {
        List<Path> files = new ArrayList<>();
        files.add(root().resolve("README.md"));
        files.addAll(markdownIn(root().resolve("docs")));
        return files;
    }

    /** The guides plus SECURITY.md, CONTRIBUTING.md and CHANGELOG.md: the files whose links must resolve. */
    static List<Path> linked() {
        List<Path> files = new ArrayList<>(guides());
        for (String name : List.of("SECURITY.md", "CONTRIBUTING.md", "CHANGELOG.md")) {
            files.add(root().resolve(name));
        }
        return files;
    }

    static List<Path> markdownIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return root().relativize(file).toString();
    }

    /** A fenced block: its language, its text (without the fences) and the line its opening fence is on. */
    record Block(Path file, String language, String text, int line) {
        @Override
        public String toString() {
            return relative(file) + ":" + line + " (```" + language + ")";
        }
    }

    static List<Block> blocks(Path file) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.length && !lines[i].trim().equals("```"); i++) {
                text.append(lines[i]).append('\n');
            }
            if (i >= lines.length) {
                throw new AssertionError(relative(file) + ":" + (start + 1) + ": a code fence is never closed");
            }
            blocks.add(new Block(file, open.group(2), text.toString(), start + 1));
        }
        return blocks;
    }

    /** The text outside fenced code blocks, with the blocks' lines blanked so line numbers stay. */
    static String prose(Path file) {
        String[] lines = read(file).split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean inFence = false;
        for (String line : lines) {
            if (FENCE.matcher(line).matches() || (inFence && line.trim().equals("```"))) {
                inFence = !inFence;
                out.append('\n');
                continue;
            }
            out.append(inFence ? "" : line).append('\n');
        }
        return out.toString();
    }

    /** Removes the common leading indentation and trailing blanks of every line. */
    static String normalize(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r", "").split("\n", -1)));
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .collect(Collectors.joining("\n"));
    }
}
