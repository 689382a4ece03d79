package org.synfire.cli.internal.sweep;

/** Where a point of a sweep stands. */
public enum PointStatus {
    /** Not started yet, or queued. */
    WAITING,
    /** A process is running it. */
    RUNNING,
    /** Its run finished (its run directory holds result.json). */
    DONE,
    /** Its last attempt ended without finishing; resuming the sweep runs it again from its last checkpoint. */
    FAILED;

    /** The status in lower case, as status lines print it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
