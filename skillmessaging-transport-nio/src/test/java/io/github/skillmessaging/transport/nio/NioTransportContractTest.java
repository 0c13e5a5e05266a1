package io.github.skillmessaging.transport.nio;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.testkit.HttpTransportContract;

/** The opt-in NIO transport meets the published contract every transport must meet. */
class NioTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport createTransport() {
        return NioTransport.create();
    }
}
