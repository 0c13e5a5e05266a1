/**
 * The transport seam: {@link io.github.skillmessaging.http.HttpTransport} and its default
 * implementation on {@code java.net.http}.
 */
package io.github.skillmessaging.http;
