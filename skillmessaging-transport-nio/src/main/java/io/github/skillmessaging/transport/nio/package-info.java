/**
 * {@link io.github.skillmessaging.transport.nio.NioTransport}: a JDK-only, non-blocking HTTP/1.1
 * {@link io.github.skillmessaging.http.HttpTransport} for sending to very many users at once. Its
 * futures complete on a callback executor, never on its I/O thread; it supports neither proxies
 * nor HTTP/2 (use the SDK's default {@code java.net.http} transport for those).
 */
package io.github.skillmessaging.transport.nio;
