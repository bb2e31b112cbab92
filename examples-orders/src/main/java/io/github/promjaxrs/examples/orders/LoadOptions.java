package io.github.promjaxrs.examples.orders;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What the load generator may do: how many requests, for how long at most, against which
 * server. Both bounds are capped, and the target must be on this machine (a loopback
 * address), so the generator cannot be pointed at anyone else's service.
 *
 * @param requests how many requests to send ({@code --requests}, default 2000, at most 100000)
 * @param duration when to stop sending even if requests remain ({@code --seconds}, default 30, at most 600)
 * @param target   the service's base address ({@code --target}, default http://127.0.0.1:8080)
 * @param flood    {@code --flood}: every request goes to a random unmatched path instead of the mix
 */
record LoadOptions(int requests, Duration duration, URI target, boolean flood) {

    static final int MAX_REQUESTS = 100_000;
    static final int MAX_SECONDS = 600;

    /** @throws IllegalArgumentException with a message for the user */
    static LoadOptions parse(String... args) {
        int requests = 2000;
        int seconds = 30;
        String target = "http://127.0.0.1:8080";
        boolean flood = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--flood")) {
                flood = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": missing value");
            }
            String value = args[++i];
            switch (name) {
                case "--requests" -> requests = number(name, value, MAX_REQUESTS);
                case "--seconds" -> seconds = number(name, value, MAX_SECONDS);
                case "--target" -> target = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new LoadOptions(requests, Duration.ofSeconds(seconds), loopbackTarget(target), flood);
    }

    private static int number(String name, String value, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": expected a number from 1 to " + max + ", got '" + value + "'");
    }

    private static URI loopbackTarget(String target) {
        URI uri;
        try {
            uri = URI.create(target.endsWith("/") ? target : target + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target: not a URL: '" + target + "'");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--target: expected http://HOST:PORT, got '" + target + "'");
        }
        if (!isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("--target: refusing " + uri.getHost()
                    + ": the load generator only targets this machine (127.0.0.0/8, [::1] or localhost)");
        }
        return uri;
    }

    /** Decided from the text alone: no name is ever looked up, so no DNS answer can redirect the load. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                // a bracketed literal is parsed, never resolved
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return octets[0].equals("127");
    }
}
