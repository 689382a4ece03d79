package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.BackendCapabilities.Resource;
import org.synfire.chip.model.loihi1.Loihi1Model;

/** {@code --chips} is counted in the cores per chip the selected backend declares. */
class MemoryBudgetChipsTest {

    /** Loihi 1's capabilities with another chip's cores. */
    private static BackendCapabilities withChip(List<Resource> perChip) {
        BackendCapabilities l = Loihi1Model.CAPABILITIES;
        return new BackendCapabilities("Stub", l.neuronModels(), l.weights(), l.maxDelay(), l.gradedSpikeBits(),
                l.refractoryPeriods(), l.ruleDialects(), l.perCore(), perChip);
    }

    @Test
    void theCoresPerChipAreTheBackends() {
        assertEquals(128, MemoryBudget.coresPerChip(Loihi1Model.CAPABILITIES));
        assertEquals(4, MemoryBudget.coresPerChip(withChip(List.of(Resource.of("cores", 4, "", "test")))));
        // none declared, or no public figure: Loihi 1's
        assertEquals(128, MemoryBudget.coresPerChip(withChip(List.of())));
        assertEquals(128, MemoryBudget.coresPerChip(withChip(List.of(Resource.unknown("cores", "", "test")))));
    }

    @Test
    void aBackendWithFewerCoresPerChipTakesABoardLoihi1Refuses() {
        int loihi1Most = (int) (MemoryBudget.MAX_BYTES / (128 * MemoryBudget.BYTES_PER_CORE));
        int chips = loihi1Most + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryBudget.requireChips(chips, "loihi1", Loihi1Model.CAPABILITIES));
        assertEquals("--chips " + chips + ": a board of " + chips + " chips of loihi1 (" + chips * 128L
                + " cores, 128 a chip) needs about " + chips * 128L * MemoryBudget.BYTES_PER_CORE + " bytes, more than"
                + " the memory budget of 536870912 bytes (512 MiB); at most " + loihi1Most + " chips", e.getMessage());
        assertDoesNotThrow(() -> MemoryBudget.requireChips(chips, "small",
                withChip(List.of(Resource.of("cores", 4, "", "test")))));
    }

    @Test
    void aBackendWithMoreCoresPerChipIsRefusedAtFewerChips() {
        BackendCapabilities big = withChip(List.of(Resource.of("cores", 1 << 20, "", "test")));
        assertDoesNotThrow(() -> MemoryBudget.requireChips(3, "loihi1", Loihi1Model.CAPABILITIES));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryBudget.requireChips(4, "big", big));
        assertEquals("--chips 4: a board of 4 chips of big (4194304 cores, 1048576 a chip) needs about 671088640 "
                + "bytes, more than the memory budget of 536870912 bytes (512 MiB); at most 3 chips", e.getMessage());
    }
}
