package io.github.promjaxrs.internal.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code excludedPaths} regexes, matched at the start of a request path. A regex that is
 * a plain prefix ({@code ^/health}, the usual case) is compared as a string, which allocates
 * nothing; the others share one {@code Pattern}, which costs a {@code Matcher} per request.
 */
public final class ExcludedPaths {

    /** Characters with a meaning in a regex: a regex with none of them (after a leading {@code ^}) is a plain prefix. */
    private static final Pattern METACHARACTERS = Pattern.compile("[\\\\.\\[\\]{}()*+?^$|]");

    private final String[] prefixes;
    private final Pattern others;

    private ExcludedPaths(String[] prefixes, Pattern others) {
        this.prefixes = prefixes;
        this.others = others;
    }

    /**
     * The exclusions of {@code regexes}, or null for none.
     *
     * @throws IllegalArgumentException naming the first regex that does not compile
     */
    public static ExcludedPaths of(List<String> regexes) {
        if (regexes.isEmpty()) {
            return null;
        }
        List<String> prefixes = new ArrayList<>();
        StringBuilder alternatives = new StringBuilder();
        for (String regex : regexes) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "excludedPaths: invalid regular expression '" + regex + "': " + e.getDescription(), e);
            }
            String body = regex.startsWith("^") ? regex.substring(1) : regex;
            if (METACHARACTERS.matcher(body).find()) {
                alternatives.append(alternatives.length() == 0 ? "" : "|").append("(?:").append(regex).append(')');
            } else {
                prefixes.add(body);
            }
        }
        return new ExcludedPaths(prefixes.toArray(String[]::new),
                alternatives.length() == 0 ? null : Pattern.compile(alternatives.toString()));
    }

    /** Whether a request path (as {@code UriInfo.getPath()} gives it: with or without its leading {@code /}) is excluded. */
    boolean matches(String path) {
        boolean slashed = path.startsWith("/");
        for (String prefix : prefixes) {
            if (slashed ? path.startsWith(prefix) : startsWithAfterSlash(path, prefix)) {
                return true;
            }
        }
        return others != null && others.matcher(slashed ? path : "/" + path).lookingAt();
    }

    /** Whether {@code "/" + path} starts with {@code prefix}, without building it. */
    private static boolean startsWithAfterSlash(String path, String prefix) {
        if (prefix.isEmpty()) {
            return true;
        }
        return prefix.charAt(0) == '/' && path.regionMatches(0, prefix, 1, prefix.length() - 1);
    }
}
