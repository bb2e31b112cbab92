package io.github.promjaxrs.examples.orders;

import java.util.ServiceLoader;

/**
 * The runtime the tests tagged {@code runtime} start the service on: the {@link HttpContainer}
 * named in {@code META-INF/services} by the test resources of the example module running them.
 * The same tests thus prove both examples.
 */
final class RuntimeUnderTest {

    static final String TAG = "runtime";

    private static final HttpContainer CONTAINER = ServiceLoader.load(HttpContainer.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no " + HttpContainer.class.getName()
                    + " in META-INF/services: these tests run in examples-jersey and examples-resteasy"));

    private RuntimeUnderTest() {
    }

    /** Starts the service as {@code java -jar} does; the caller closes it. */
    static OrdersServer start(Settings settings) {
        return OrdersServer.start(settings, CONTAINER);
    }

    /** e.g. {@code Jersey on Grizzly} */
    static String name() {
        return CONTAINER.name();
    }
}
