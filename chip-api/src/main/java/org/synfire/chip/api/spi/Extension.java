package org.synfire.chip.api.spi;

/**
 * Something a plugin contributes to one of Synfire's extension points: a chip backend, a learning
 * circuit or a data set. Each has a stable id, by which configurations select it, and a one-line
 * description for listings.
 */
public interface Extension {

    /** The stable id: lower case letters, digits and hyphens, starting with a letter, e.g. {@code loihi1}. */
    String id();

    /** One line that says what this extension is, for {@code synfire list}. */
    String description();

    /**
     * Checks that an id has the form {@link #id()} promises.
     *
     * @return the id
     * @throws IllegalArgumentException naming the id and the expected form
     */
    static String requireValidId(String id) {
        if (id == null || !id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("extension id '" + id
                    + "' is not valid: expected lower case letters, digits and single hyphens, starting with a letter");
        }
        return id;
    }
}
