package io.github.promjaxrs.examples.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Plain HTTP calls for the tests, with timeouts so that a hung server fails a test instead of stalling it. */
final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private TestHttp() {
    }

    static HttpResponse<String> get(URI uri, String... headers) {
        return send(HttpRequest.newBuilder(uri).headers(headers.length == 0 ? new String[] {"Accept", "*/*"} : headers)
                .GET());
    }

    static HttpResponse<String> post(URI uri) {
        return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A form POST, e.g. {@code postForm(uri, "item=widget&quantity=2", "X-Channel", "web")}. */
    static HttpResponse<String> postForm(URI uri, String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** The exposition's lines, as the service's {@code /metrics} serves them. */
    static List<String> metricLines(URI uri, String... headers) {
        HttpResponse<String> response = get(uri, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + uri + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().lines().toList();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
