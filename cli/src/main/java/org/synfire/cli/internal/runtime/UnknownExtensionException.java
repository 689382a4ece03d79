package org.synfire.cli.internal.runtime;

import java.util.Set;

/** A configuration named an extension id that no provider contributes. */
public final class UnknownExtensionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownExtensionException(String kind, String id, Set<String> available) {
        super("unknown " + kind + " '" + id + "'; available: "
                + (available.isEmpty() ? "none" : String.join(", ", available)));
    }
}
