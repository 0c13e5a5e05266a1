/**
 * The household list events Alexa sends to the skill when a list or item changes
 * ({@code AlexaHouseholdListEvent.*}), as typed requests of the core request model, read by
 * {@link io.github.skillmessaging.lists.event.ListEventConverter}.
 */
package io.github.skillmessaging.lists.event;
