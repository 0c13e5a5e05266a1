package io.github.skillmessaging.testkit;

import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.JdkHttpTransport;

/** The default transport meets the published contract. */
class JdkHttpTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport createTransport() {
        return JdkHttpTransport.create();
    }
}
