/**
 * skillmessaging-lists: the Alexa List Management API client and the household list events.
 */
module io.github.skillmessaging.lists {
    requires transitive io.github.skillmessaging.core;

    exports io.github.skillmessaging.lists;
    exports io.github.skillmessaging.lists.event;

    // Jackson reads and writes the list models reflectively.
    opens io.github.skillmessaging.lists to
            com.fasterxml.jackson.databind;

    provides io.github.skillmessaging.request.RequestTypeConverter with
            io.github.skillmessaging.lists.event.ListEventConverter;
}
