package io.github.promjaxrs;

import java.lang.ref.WeakReference;
import java.util.List;
import org.glassfish.jersey.server.model.Resource;

/** Jersey's resource models, kept apart from the test class so that it loads on other runtimes. */
final class JerseyModels {

    private JerseyModels() {
    }

    /** A model whose {@code {line}} child is a locator to {@link JerseyPerRequestModelsTest.Line}. */
    static Object linesModel(List<WeakReference<Object>> built) throws NoSuchMethodException {
        Resource.Builder model = Resource.builder();
        Resource.Builder line = model.addChildResource("{line}");
        line.addMethod().handledBy(new JerseyPerRequestModelsTest.LineLocator(),
                JerseyPerRequestModelsTest.LineLocator.class.getMethod("locate"));
        Resource resource = model.build();
        built.add(new WeakReference<>(resource));
        return resource;
    }
}
