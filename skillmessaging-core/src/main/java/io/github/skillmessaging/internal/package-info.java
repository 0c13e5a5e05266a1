/**
 * Implementation details shared by the SDK's modules: JSON, retries, token cache, error mapping.
 * Not public API: may change in any release. Do not use from application code.
 */
package io.github.skillmessaging.internal;
