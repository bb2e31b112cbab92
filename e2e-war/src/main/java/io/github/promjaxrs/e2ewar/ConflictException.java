package io.github.promjaxrs.e2ewar;

/** Answered 409 by {@link ConflictMapper}. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
