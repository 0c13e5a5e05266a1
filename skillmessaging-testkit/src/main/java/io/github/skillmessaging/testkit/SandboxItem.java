package io.github.skillmessaging.testkit;

/**
 * An item of a sandbox household list, as the user sees it.
 *
 * @param id the item id
 * @param value the text
 * @param status {@code active} or {@code completed}
 * @param version starts at 1, grows with every change
 */
public record SandboxItem(String id, String value, String status, long version) {
    /** True when the status is {@code completed}. */
    public boolean isCompleted() {
        return "completed".equals(status);
    }
}
