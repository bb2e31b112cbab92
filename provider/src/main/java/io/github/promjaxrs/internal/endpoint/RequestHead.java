package io.github.promjaxrs.internal.endpoint;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request line and header fields of one request on the separate port, parsed strictly
 * (RFC 9112) from bytes the server has already capped in size. Anything malformed is a
 * {@link Malformed} carrying the 4xx/5xx to answer.
 */
final class RequestHead {

    static final int MAX_HEADER_FIELDS = 100;

    final String method;
    /** The request target as an origin-form URI (path and query, still percent-encoded). */
    final URI target;
    final boolean http11;
    /** Header fields by case-insensitive name, values in the order received. */
    final Map<String, List<String>> headers;
    final InetSocketAddress local;

    private RequestHead(String method, URI target, boolean http11, Map<String, List<String>> headers,
                        InetSocketAddress local) {
        this.method = method;
        this.target = target;
        this.http11 = http11;
        this.headers = headers;
        this.local = local;
    }

    /** The first value of {@code name}, or null. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    /** Whether the client asked to keep the connection open after the response. */
    boolean keepAlive() {
        String connection = header("Connection");
        boolean close = connection != null && hasToken(connection, "close");
        return http11 ? !close : connection != null && hasToken(connection, "keep-alive");
    }

    /** Whether a body follows the head (which the separate port never reads). */
    boolean hasBody() {
        String length = header("Content-Length");
        return headers.containsKey("Transfer-Encoding") || length != null && !length.trim().equals("0");
    }

    private static boolean hasToken(String value, String token) {
        for (String part : value.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code head}: the bytes up to and including the empty line, without leading empty lines. */
    static RequestHead parse(byte[] head, int length, InetSocketAddress local) throws Malformed {
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", -1);
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || !isToken(requestLine[0])) {
            throw new Malformed(400, "Malformed request line");
        }
        boolean http11;
        switch (requestLine[2]) {
            case "HTTP/1.1" -> http11 = true;
            case "HTTP/1.0" -> http11 = false;
            default -> throw new Malformed(505, "Only HTTP/1.0 and HTTP/1.1 are served");
        }
        URI target = target(requestLine[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int fields = 0;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new Malformed(400, "Malformed header field");
            }
            if (++fields > MAX_HEADER_FIELDS) {
                throw new Malformed(431, "Too many header fields (max " + MAX_HEADER_FIELDS + ")");
            }
            headers.computeIfAbsent(line.substring(0, colon), name -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).trim());
        }
        headers.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return new RequestHead(requestLine[0], target, http11, Collections.unmodifiableMap(headers), local);
    }

    private static URI target(String target) throws Malformed {
        try {
            if (target.startsWith("/")) {
                return new URI(target);
            }
            URI absolute = new URI(target); // absolute-form, as sent to a proxy
            if (absolute.isAbsolute() && absolute.getRawPath() != null) {
                String path = absolute.getRawPath().isEmpty() ? "/" : absolute.getRawPath();
                return new URI(absolute.getRawQuery() == null ? path : path + "?" + absolute.getRawQuery());
            }
        } catch (URISyntaxException e) {
            throw new Malformed(400, "Malformed request target (characters or percent-encoding)");
        }
        throw new Malformed(400, "Malformed request target");
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A request that cannot be served, with the status and one-line reason to answer. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        final int status;

        Malformed(int status, String reason) {
            super(reason, null, false, false); // an answer, not a failure: no stack trace
            this.status = status;
        }
    }
}
