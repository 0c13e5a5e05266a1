/**
 * The household list events Alexa sends to the skill when a list or item changes
 * ({@code AlexaHouseholdListEvent.*}), as typed records read from the {@code request} object of the
 * envelope with {@link io.github.skillmessaging.lists.event.ListEvents#fromJson}.
 */
package io.github.skillmessaging.lists.event;
