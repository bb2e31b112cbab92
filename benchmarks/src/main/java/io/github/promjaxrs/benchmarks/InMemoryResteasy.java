package io.github.promjaxrs.benchmarks;

import java.net.URISyntaxException;
import org.jboss.resteasy.mock.MockDispatcherFactory;
import org.jboss.resteasy.mock.MockHttpRequest;
import org.jboss.resteasy.mock.MockHttpResponse;
import org.jboss.resteasy.spi.Dispatcher;

/**
 * A RESTEasy 6.2 application served without a network, RESTEasy's documented way: a
 * {@link MockDispatcherFactory} dispatcher, the provider registered before the resource, each
 * request a {@link MockHttpRequest} answered into a {@link MockHttpResponse}. Only in the
 * RESTEasy jar ({@code benchmarks-resteasy.jar}), which holds no Jersey: both runtimes name
 * themselves the {@code RuntimeDelegate}, and one class path cannot hold both.
 */
final class InMemoryResteasy implements InMemoryServer {

    private final Dispatcher dispatcher;

    /** @param provider promjaxrs' feature, or null for none */
    InMemoryResteasy(Object provider, Class<?> resource) {
        dispatcher = MockDispatcherFactory.createDispatcher();
        if (provider != null) {
            dispatcher.getProviderFactory().register(provider);
        }
        dispatcher.getRegistry().addPerRequestResource(resource);
    }

    @Override
    public int get(String path) {
        MockHttpRequest request;
        try {
            request = MockHttpRequest.get(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(path, e);
        }
        MockHttpResponse response = new MockHttpResponse();
        dispatcher.invoke(request, response);
        return response.getStatus();
    }
}
