package org.synfire.cli.internal.sweep;

import java.util.Optional;

/**
 * A point as the sweep sees it now.
 *
 * @param point  the point
 * @param status where it stands
 * @param state  its state file, if it ever started
 * @param detail for a failed point, why (exit code and last error line); else empty
 */
public record PointView(SweepPoint point, PointStatus status, Optional<PointState> state, String detail) {
}
