package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.cli.internal.experiment.Experiment;

/** What the summary says beside the figures. */
class SummaryTest {

    private static Experiment sbp(Map<String, String> options) {
        return new Experiment("x", "", "sbp", null, "loihi1", "mnist20", 1, 1L, null, null, List.of(400), 0.5, 1, null,
                options, null);
    }

    private static Evaluation dead(long n) {
        return new Evaluation(0, Map.of("top1_spikes", 0.5), Map.of("dead_outputs", n, "dead_hidden", 3L),
                new int[0]);
    }

    @Test
    void deadOutputsAreExplainedWithTheOptionThatAvoidsThem() {
        String line = TrainingJob.deadOutputs(sbp(Map.of("init", "spec")), dead(1)).orElseThrow();

        assertTrue(line.contains("1 output unit is dead: its potential never exceeded 0, so it got no error signal"),
                line);
        assertTrue(line.contains("--circuit-option init=positive-output"), line);
        String two = TrainingJob.deadOutputs(sbp(Map.of()), dead(2)).orElseThrow();
        assertTrue(two.contains("2 output units are dead: their potential"), two);
    }

    @Test
    void noDeadOutputsNoRemark() {
        assertEquals(Optional.empty(), TrainingJob.deadOutputs(sbp(Map.of("init", "spec")), dead(0)));
    }

    @Test
    void diagnosticsAreOneSentence() {
        Map<String, Long> fine = new java.util.LinkedHashMap<>();
        fine.put("w2Tp_differing_from_w2T", 0L);
        fine.put("w2Tm_differing_from_minus_w2T", 0L);
        fine.put("spikes_out_of_phase", 0L);
        assertEquals("every weight copy agrees with its matrix; no population fired out of its phases",
                TrainingJob.verdict(fine, true));
        assertEquals("every weight copy agrees with its matrix; no population fired out of its phases (these check "
                + "the chip's state, not what it learns: train --check-model compares the weights with the functional "
                + "model after every sample)", TrainingJob.verdict(fine, false));
        fine.put("w2Tm_differing_from_minus_w2T", 4L);
        fine.put("spikes_out_of_phase", 1L);
        fine.put("spikes_out_of_phase/h1/3", 1L);
        assertEquals("weight copies differ from their matrix: w2Tm (4 entries) (a negated copy may differ "
                + "where the matrix saturated); 1 spike fell out of their populations' phases (an input exceeded the "
                + "gating margin): most in h1 phase 3 (1); counts in diagnostics.json", TrainingJob.verdict(fine, true));
    }

    @Test
    void aPluginsOutOfPhaseKeyWithoutAPhaseNamesThePopulation() {
        Map<String, Long> d = new java.util.LinkedHashMap<>();
        d.put("spikes_out_of_phase", 2L);
        d.put("spikes_out_of_phase/x", 2L); // no '/<phase>': before, the summary failed at the end of the run
        assertTrue(TrainingJob.verdict(d, true).contains("most in x (2)"), TrainingJob.verdict(d, true));
    }

    @Test
    void theSummaryNamesThePopulationsAndPhasesWithTheMostOutOfPhaseSpikes() {
        Map<String, Long> d = new java.util.LinkedHashMap<>();
        d.put("spikes_out_of_phase", 2094L);
        d.put("spikes_out_of_phase/h/1", 4L);
        d.put("spikes_out_of_phase/h/3", 1500L);
        d.put("spikes_out_of_phase/d+/2", 190L);
        d.put("spikes_out_of_phase/o</5", 400L);
        // 4 + 1500 + 190 + 400 = 2094; the three largest in order, the fourth (h phase 1, 4) only in the file
        assertEquals("2094 spikes fell out of their populations' phases (an input exceeded the gating margin): most in"
                + " h phase 3 (1500), o< phase 5 (400), d+ phase 2 (190); counts in diagnostics.json",
                TrainingJob.verdict(d, true));
    }

    @Test
    void thePapersSettingIsShownBesideThePapersFigures() {
        Experiment paper = sbp(Map.of());
        assertTrue(TrainingJob.papersSetting(paper, 400, 10));
        assertTrue(!TrainingJob.papersSetting(paper, 784, 10), "28x28 is not the paper's setting");
        assertEquals("   paper 96.3 % (after 60 epochs; this run 1)", TrainingJob.besidePaper("top1_spikes", 1));
        assertTrue(TrainingJob.besidePaper("top1_potential", 60).startsWith("   paper 97.5 % (after 60 epochs as here"));
        assertEquals("", TrainingJob.besidePaper("loss", 60));
    }
}
