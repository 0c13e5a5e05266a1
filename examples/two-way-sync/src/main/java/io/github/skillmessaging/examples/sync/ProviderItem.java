package io.github.skillmessaging.examples.sync;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An item of the third-party to-do service.
 *
 * @param id the provider's id
 * @param value the text
 * @param completed done or not
 * @param version grows with every change; updates must name the current one
 */
public record ProviderItem(
        @JsonProperty("id") String id,
        @JsonProperty("value") String value,
        @JsonProperty("completed") boolean completed,
        @JsonProperty("version") long version) {}
