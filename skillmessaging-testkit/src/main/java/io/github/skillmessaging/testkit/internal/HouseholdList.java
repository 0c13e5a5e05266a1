package io.github.skillmessaging.testkit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One household list of a sandbox user. Guarded by the sandbox state's lock. */
public final class HouseholdList {
    public final String listId;
    public String name;
    public String state = "active";
    public long version = 1;
    public final Map<String, Item> items = new LinkedHashMap<>();

    public HouseholdList(String listId, String name) {
        this.listId = listId;
        this.name = name;
    }

    /** One item. */
    public static final class Item {
        public final String id;
        public String value;
        public String status;
        public long version = 1;
        public final Instant createdTime;
        public Instant updatedTime;

        public Item(String id, String value, String status, Instant now) {
            this.id = id;
            this.value = value;
            this.status = status;
            this.createdTime = now;
            this.updatedTime = now;
        }
    }
}
