package io.github.promjaxrs.internal.binding;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library, as Maven filtered it into {@code version.properties}. */
public final class LibraryVersion {

    public static final String VERSION = read();

    private LibraryVersion() {
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
