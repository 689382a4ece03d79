package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.CORES_PER_CHIP;
import static org.synfire.chip.emulator.internal.Loihi1Constants.CORES_PER_TILE;
import static org.synfire.chip.emulator.internal.Loihi1Constants.TILES_X;

/**
 * Where a core sits: chip {@code core / 128}; within the chip, tile {@code (core % 128) / 4} at
 * {@code x = tile % 8, y = tile / 8}. Chips sit in a row, so the board is one mesh {@code 8 * chips} tiles wide.
 *
 * @param chips chips on the board
 */
public record Mesh(int chips) {

    public Mesh {
        if (chips < 1) {
            throw new IllegalArgumentException("mesh: chips " + chips + " must be 1 or more");
        }
    }

    /** Cores on the board. */
    public int cores() {
        return chips * CORES_PER_CHIP;
    }

    public int chip(int core) {
        return core / CORES_PER_CHIP;
    }

    /** Board-wide tile column. */
    public int x(int core) {
        int tile = (core % CORES_PER_CHIP) / CORES_PER_TILE;
        return chip(core) * TILES_X + tile % TILES_X;
    }

    /** Tile row. */
    public int y(int core) {
        int tile = (core % CORES_PER_CHIP) / CORES_PER_TILE;
        return tile / TILES_X;
    }

    public int hopsEastWest(int from, int to) {
        return Math.abs(x(from) - x(to));
    }

    public int hopsNorthSouth(int from, int to) {
        return Math.abs(y(from) - y(to));
    }

    public boolean crossesChips(int from, int to) {
        return chip(from) != chip(to);
    }
}
