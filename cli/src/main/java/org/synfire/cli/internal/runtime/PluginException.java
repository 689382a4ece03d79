package org.synfire.cli.internal.runtime;

/** Why a plugin jar cannot be used, in one line of words; the jar is left out. */
final class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    PluginException(String reason) {
        super(reason);
    }
}
