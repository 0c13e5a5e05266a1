package io.github.skillmessaging.request;

import java.util.Objects;
import java.util.Set;

/**
 * The device a request came from ({@code context.System.device}); absent for messages and
 * events.
 *
 * @param deviceId the device id
 * @param supportedInterfaces the names of the interfaces the device supports (the keys of
 *     {@code supportedInterfaces}, e.g. {@code AudioPlayer}); empty when none
 */
public record Device(String deviceId, Set<String> supportedInterfaces) {
    public Device {
        Objects.requireNonNull(deviceId, "deviceId");
        supportedInterfaces = Set.copyOf(supportedInterfaces);
    }
}
