/** The sandbox's implementation: state, HTTP handlers, deliveries, DER encoding. Not public API. */
package io.github.skillmessaging.testkit.internal;
