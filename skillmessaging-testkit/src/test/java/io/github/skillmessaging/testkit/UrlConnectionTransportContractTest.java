package io.github.skillmessaging.testkit;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.UrlConnectionTransport;

/** The blocking opt-in transport of core meets the published contract. */
class UrlConnectionTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport createTransport() {
        return UrlConnectionTransport.create(8);
    }
}
