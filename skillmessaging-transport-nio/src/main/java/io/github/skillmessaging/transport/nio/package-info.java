/**
 * {@link io.github.skillmessaging.transport.nio.NioTransport}: a JDK-only, non-blocking HTTP/1.1
 * {@link io.github.skillmessaging.http.HttpTransport} for sending to very many users at once.
 */
package io.github.skillmessaging.transport.nio;
