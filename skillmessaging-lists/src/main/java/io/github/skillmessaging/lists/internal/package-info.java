/**
 * Implementation details of the lists module: time parsing and JSON field readers shared by the
 * client models and the list events. Not public API: may change in any release.
 */
package io.github.skillmessaging.lists.internal;
