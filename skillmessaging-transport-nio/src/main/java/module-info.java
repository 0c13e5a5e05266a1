/**
 * skillmessaging-transport-nio: an opt-in, non-blocking HTTP/1.1 transport for very high fan-out.
 * The SDK's default transport is {@code java.net.http}; choose this one with
 * {@code .transport(NioTransport.create())}.
 */
module io.github.skillmessaging.transport.nio {
    requires transitive io.github.skillmessaging.core;

    exports io.github.skillmessaging.transport.nio;
}
