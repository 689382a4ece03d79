package org.synfire.chip.api.network;

/**
 * Cores a group is pinned to, {@code first .. last} inclusive, numbered across the board
 * ({@code chip * coresPerChip + core within the chip}).
 */
public record CoreRange(int first, int last) {

    public CoreRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("core range " + first + ".." + last
                    + " is not valid: expected 0 <= first <= last");
        }
    }
}
