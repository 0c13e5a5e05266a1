package io.github.skillmessaging.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test-only {@link System.LoggerFinder} (registered in META-INF/services): every logger is on at
 * every level, and every line logged, formatted, is kept so tests can search it for secrets.
 * Lines are added in constant time: bulk tests log hundreds of thousands.
 */
public final class CapturingLoggerFinder extends System.LoggerFinder {
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    private static void add(String line) {
        LINES.add(line);
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new System.Logger() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                add(level + " " + name + " " + msg + (thrown == null ? "" : " " + thrown));
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                String text = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
                add(level + " " + name + " " + text);
            }
        };
    }
}
