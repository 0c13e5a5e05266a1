package io.github.skillmessaging.docs.snippets.transportcontract;

// tag::transport-contract[]
import io.github.skillmessaging.http.HttpTransport;
import io.github.skillmessaging.http.UrlConnectionTransport;
import io.github.skillmessaging.testkit.HttpTransportContract;

class MyTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport createTransport() {
        return UrlConnectionTransport.create(8); // yours here: an adapter to OkHttp, Apache HttpClient…
    }
}
// end::transport-contract[]
