package org.synfire.chip.model.loihi1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;

/** Tags are two's complement of their bits, the range the learning engine's {@code t} reads and saturates to. */
class ConnectionTagsTest {

    private static Network.Builder twoByOne() {
        return Network.builder().generator("in", 2).group("n", 1, CompartmentPrototype.builder().build());
    }

    @Test
    void tagsOfFourBitsSpanMinus8To7() {
        ConnectionGroup c = twoByOne().connect("in", "n").tags(4, -8, 7).add().build().connections().get(0);
        assertArrayEquals(new int[] {-8, 7}, c.tags());
        assertEquals(-8, ConnectionGroup.minTag(4));
        assertEquals(7, ConnectionGroup.maxTag(4));
        assertEquals(0, ConnectionGroup.minTag(0));
        assertEquals(0, ConnectionGroup.maxTag(0));
    }

    @Test
    void tagOutsideItsBitsIsRefusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twoByOne().connect("in", "n").tags(4, 0, 8).add());
        assertEquals("connection in->n, synapse 1: tag 8 is out of range -8..7", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> twoByOne().connect("in", "n").tags(0, 0, -1).add());
    }
}
