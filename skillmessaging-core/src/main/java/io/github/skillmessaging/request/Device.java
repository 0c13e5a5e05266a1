package io.github.skillmessaging.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.skillmessaging.error.RequestParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The device a request came from ({@code context.System.device}); absent for messages and
 * events.
 */
public final class Device {
    private final JsonNode json;
    private final String deviceId;
    private final Set<String> supportedInterfaces;

    /** Reads {@code context.System.device}, which has a {@code deviceId}. */
    Device(JsonNode json) {
        this.json = json;
        this.deviceId = RequestFields.text(json, "deviceId")
                .orElseThrow(() -> new RequestParseException("context.System.device.deviceId is missing"));
        List<String> names = new ArrayList<>();
        RequestFields.object(json, "supportedInterfaces")
                .ifPresent(interfaces -> interfaces.fieldNames().forEachRemaining(names::add));
        this.supportedInterfaces = Set.copyOf(names);
    }

    /** The device id. */
    public String deviceId() {
        return deviceId;
    }

    /**
     * The names of the interfaces the device supports (the keys of {@code supportedInterfaces},
     * e.g. {@code AudioPlayer}); empty when none.
     */
    public Set<String> supportedInterfaces() {
        return supportedInterfaces;
    }

    /** A copy of {@code context.System.device} as sent, with the fields this SDK does not model. */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Device that
                && deviceId.equals(that.deviceId)
                && supportedInterfaces.equals(that.supportedInterfaces);
    }

    @Override
    public int hashCode() {
        return 31 * deviceId.hashCode() + supportedInterfaces.hashCode();
    }

    @Override
    public String toString() {
        return "Device[deviceId=" + deviceId + ", supportedInterfaces=" + supportedInterfaces + "]";
    }
}
