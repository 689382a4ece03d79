package org.synfire.chip.api.circuit;

/**
 * A circuit as written cannot be used: its description, or a parameter or option given to it, is wrong. The
 * message names the file, the place and what would be right. A configuration error, unlike a circuit that is
 * right but does not fit on the chip (a plain {@link IllegalArgumentException} of the backend).
 */
public final class CircuitDescriptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the file, the place and what would be right, in one line */
    public CircuitDescriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
