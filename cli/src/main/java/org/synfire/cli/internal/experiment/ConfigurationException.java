package org.synfire.cli.internal.experiment;

/** A configuration (an experiment file or command-line options) is not valid; the message says where and why. */
public final class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
