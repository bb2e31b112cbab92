package io.github.promjaxrs.internal.binding;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Jakarta REST annotation inheritance (section 3.6 of the specification): a resource method
 * with no Jakarta REST annotation of its own takes those of the method it overrides or
 * implements, in a superclass first, then in an interface.
 */
final class InheritedAnnotations {

    private InheritedAnnotations() {
    }

    /** The method whose annotations apply to {@code method}: itself when it has any. */
    static Method annotatedMethod(Method method) {
        if (hasJakartaRestAnnotations(method)) {
            return method;
        }
        for (Class<?> type = method.getDeclaringClass().getSuperclass(); type != null; type = type.getSuperclass()) {
            Method candidate = declared(type, method);
            if (candidate != null && hasJakartaRestAnnotations(candidate)) {
                return candidate;
            }
        }
        for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> contract : type.getInterfaces()) {
                Method candidate = declared(contract, method);
                if (candidate != null && hasJakartaRestAnnotations(candidate)) {
                    return candidate;
                }
            }
        }
        return method;
    }

    /** The designator ({@code GET}, a custom {@code @HttpMethod} …) of a method, or null. */
    static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    private static boolean hasJakartaRestAnnotations(Method method) {
        return httpMethod(method) != null || method.isAnnotationPresent(Path.class);
    }

    private static Method declared(Class<?> type, Method method) {
        try {
            return type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
