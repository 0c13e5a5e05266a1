package io.github.skillmessaging.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only {@link System.LoggerFinder} (registered in META-INF/services): every logger is on at
 * every level, and every line logged, formatted, is kept so tests can search it for secrets.
 */
public final class CapturingLoggerFinder extends System.LoggerFinder {
    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    public static List<String> lines() {
        return List.copyOf(LINES);
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
                LINES.add(level + " " + name + " " + msg + (thrown == null ? "" : " " + thrown));
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                String text = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
                LINES.add(level + " " + name + " " + text);
            }
        };
    }
}
