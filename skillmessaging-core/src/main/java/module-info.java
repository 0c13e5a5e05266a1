/**
 * skillmessaging-core: Login-With-Amazon tokens, sending skill messages, the skill request model
 * and its converter registry, skill responses and request verification.
 */
@SuppressWarnings("module") // the qualified export names modules that are not on this module's path
module io.github.skillmessaging.core {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive java.net.http;

    exports io.github.skillmessaging;
    exports io.github.skillmessaging.error;
    exports io.github.skillmessaging.http;
    exports io.github.skillmessaging.request;
    exports io.github.skillmessaging.response;
    exports io.github.skillmessaging.verify;
    // Shared plumbing of the SDK's own modules: not API, not exported to applications.
    exports io.github.skillmessaging.internal to
            io.github.skillmessaging.lists,
            io.github.skillmessaging.testkit;

    // Jackson reads and writes the SDK's annotated types reflectively.
    opens io.github.skillmessaging to
            com.fasterxml.jackson.databind;
    opens io.github.skillmessaging.response to
            com.fasterxml.jackson.databind;

    uses io.github.skillmessaging.request.RequestTypeConverter;
}
