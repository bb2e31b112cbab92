package io.github.promjaxrs.benchmarks;

/** An application served in memory, by Jersey or by RESTEasy, without a container or a socket. */
interface InMemoryServer {

    /** Serves {@code GET path}, the body written nowhere that outlives the request; returns the status. */
    int get(String path);
}
