/**
 * The Alexa List Management API: {@link io.github.skillmessaging.lists.ListManagementClient} and its
 * values ({@link io.github.skillmessaging.lists.ListMetadata}, {@link io.github.skillmessaging.lists.AlexaList},
 * {@link io.github.skillmessaging.lists.ListItem}), the forward-compatible
 * {@link io.github.skillmessaging.lists.ItemStatus} and {@link io.github.skillmessaging.lists.ListState},
 * the list errors and {@link io.github.skillmessaging.lists.DefaultLists}. The values are final
 * classes that can gain accessors in a minor release; each one's {@code json()} gives the object as
 * Amazon sent it, for fields not modelled yet.
 */
package io.github.skillmessaging.lists;
