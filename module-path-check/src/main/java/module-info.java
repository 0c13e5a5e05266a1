/** An application module that uses the SDK from the module path. */
module io.github.skillmessaging.modulecheck {
    requires io.github.skillmessaging.core;
    requires io.github.skillmessaging.lists;
    requires io.github.skillmessaging.testkit;

    exports io.github.skillmessaging.modulecheck;
}
