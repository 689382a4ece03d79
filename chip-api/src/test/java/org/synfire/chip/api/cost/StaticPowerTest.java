package org.synfire.chip.api.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Static power charged as a whole or per core in use, against values worked out by hand. */
class StaticPowerTest {

    @Test
    void aWholePowerIsChargedWhateverTheCores() {
        StaticPower p = new StaticPower(0.029, "Blouw et al. 2019");
        assertEquals(0.029, p.watts(6), 1e-15);
        // 0.029 W x 1.5 ms = 43.5 uJ
        assertEquals(43.5e-6, p.joules(1.5e-3, 6), 1e-15);
    }

    @Test
    void aChipsPowerIsChargedPerCoreInUse() {
        StaticPower p = new StaticPower(0.029, "Blouw et al. 2019", 128);
        // 6 of 128 cores: 0.029 x 6 / 128 = 1.359375 mW; over 9.2 ms: 12.50625 uJ
        assertEquals(1.359375e-3, p.watts(6), 1e-15);
        assertEquals(12.50625e-6, p.joules(9.2e-3, 6), 1e-15);
        // 2 cores for 129 us: 0.029 x 2 / 128 x 129e-6 = 58.453125 nJ
        assertEquals(58.453125e-9, p.joules(129e-6, 2), 1e-18);
    }

    @Test
    void aNegativeCoreCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StaticPower(0.029, "x", -1));
    }
}
