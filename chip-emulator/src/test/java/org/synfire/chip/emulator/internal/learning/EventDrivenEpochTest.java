package org.synfire.chip.emulator.internal.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.model.loihi1.learning.Rule;

/**
 * The event-driven learning phase ({@link RuleEvaluator#applyEpochByRows}) against the reference that visits
 * every synapse ({@link RuleEvaluator#applyEpoch}): the same weights, delays, tags and generator draws, epoch
 * after epoch, for rules that need x0, y0, both, neither, or only some of the time (u_k). The reference is
 * the independent model here; the rules include fractions so that draws happen and their order is checked.
 * The same holds for a connection cut into the parts two cores hold ({@link RuleEvaluator#applyEpochByRowRanges},
 * compartments below {@link #CUT} and the rest, each part with its own generator), against the reference run
 * on each part's synapses gathered into arrays of their own.
 */
class EventDrivenEpochTest {

    private static final SynapseFormat FORMAT = new SynapseFormat(WeightSign.MIXED, 8, 6, 8);
    /** Where the connection is cut into two cores' parts: compartments 0 .. CUT - 1 and CUT .. 89. */
    private static final int CUT = 37;

    @ParameterizedTest
    @ValueSource(strings = {
            "dw = y0*x0*r1*4 - y0*x0*2",                         // the sBP rule: x0 and y0 in every term
            "dw = x0*y0*3*2^-1 - x0*y0*(r0 - 1)*2^-2",           // both, with draws
            "dw = x0*(y1 + 3)*2^-4",                             // x0 only: whole rows of spiked axons
            "dw = y0*(x1 - 5)*2^-4 + y0*x0*3",                   // y0 only: columns of spiked compartments
            "dw = x0*y0*2^-1 - y0*2^-3",                         // one term without x0: y0 decides
            "dw = x0*2 + y0*2^-2",                               // either: every synapse of either
            "dw = u2*(w + 4)*2^-5 + x0*y0*2",                    // u2 acts every 4th epoch on every synapse
            "dw = u1*x0*3*2^-2 - y0*x0",                         // u1 with x0: rows of spiked axons
            "dw = x0*y0*2\ndd = x0*y1*2^-3\ndt = y0*(x1 - 64)*2^-4", // delay and tag too
    })
    void visitsOnlyWhatCanChangeAndEndsBitForBitAsTheReference(String text) {
        Rule rule = Rule.parse(text);
        SplittableRandom random = new SplittableRandom(text.hashCode());
        int axons = 70;
        int compartments = 90;
        // a sparse, irregular layout: some full rows, some empty, some with a repeated compartment
        int[] rowStart = new int[axons + 1];
        int[] postOf = new int[axons * (compartments + 2)];
        int n = 0;
        for (int i = 0; i < axons; i++) {
            rowStart[i] = n;
            int kind = i % 5;
            for (int c = 0; c < compartments; c++) {
                if (kind == 0 || kind == 1 && random.nextInt(3) == 0 || kind == 2 && c % 7 == 3) {
                    postOf[n++] = c;
                    if (kind == 2 && c == 10) {
                        postOf[n++] = c; // two synapses between the same pair
                    }
                }
            }
        }
        rowStart[axons] = n;
        int[] pre = new int[n];
        for (int i = 0; i < axons; i++) {
            Arrays.fill(pre, rowStart[i], rowStart[i + 1], i);
        }
        int[] post = Arrays.copyOf(postOf, n);
        int[][] reference = {new int[n], new int[n], new int[n]};
        for (int k = 0; k < n; k++) {
            reference[0][k] = random.nextInt(-128, 128) * 2;
            reference[1][k] = random.nextInt(0, 64);
            reference[2][k] = random.nextInt(-128, 128);
        }
        int[][] rows = {reference[0].clone(), reference[1].clone(), reference[2].clone()};
        RuleEvaluator general = RuleEvaluator.compile(rule, FORMAT);
        RuleEvaluator eventDriven = RuleEvaluator.compile(rule, FORMAT);
        LearningRandom generalRandom = LearningRandom.forCore(5, 0);
        LearningRandom eventRandom = LearningRandom.forCore(5, 0);
        // two cores' parts: row ranges over the whole arrays, and the reference on gathered copies
        int[][] parts = {reference[0].clone(), reference[1].clone(), reference[2].clone()};
        int[][] rowFrom = new int[2][axons];
        int[][] rowTo = new int[2][axons];
        int[][] index = new int[2][];
        int[][][] gathered = new int[2][][];
        RuleEvaluator[] partRule = new RuleEvaluator[2];
        RuleEvaluator[] gatheredRule = new RuleEvaluator[2];
        LearningRandom[] partRandom = new LearningRandom[2];
        LearningRandom[] gatheredRandom = new LearningRandom[2];
        for (int p = 0; p < 2; p++) {
            int lo = p == 0 ? 0 : CUT;
            int hi = p == 0 ? CUT : compartments;
            for (int i = 0; i < axons; i++) {
                int k = rowStart[i];
                while (k < rowStart[i + 1] && post[k] < lo) {
                    k++;
                }
                rowFrom[p][i] = k;
                while (k < rowStart[i + 1] && post[k] < hi) {
                    k++;
                }
                rowTo[p][i] = k;
            }
            index[p] = IntStream.range(0, n).filter(k -> post[k] >= lo && post[k] < hi).toArray();
            gathered[p] = new int[5][];
            gathered[p][0] = gather(pre, index[p]);
            gathered[p][1] = gather(post, index[p]);
            for (int v = 0; v < 3; v++) {
                gathered[p][2 + v] = gather(reference[v], index[p]);
            }
            partRule[p] = RuleEvaluator.compile(rule, FORMAT);
            gatheredRule[p] = RuleEvaluator.compile(rule, FORMAT);
            partRandom[p] = LearningRandom.forCore(5, p + 1);
            gatheredRandom[p] = LearningRandom.forCore(5, p + 1);
        }
        int changedEpochs = 0;
        for (long epoch = 1; epoch <= 24; epoch++) {
            // some epochs without any spike on a side, the others sparse or dense
            long[] preBits = spikes(random, axons, epoch % 6 == 0 ? 0 : epoch % 3 == 0 ? 0.6 : 0.1);
            long[] postBits = spikes(random, compartments, epoch % 5 == 0 ? 0 : epoch % 4 == 0 ? 0.5 : 0.08);
            int[] x1 = random.ints(axons, 0, 128).toArray();
            int[] y1 = random.ints(compartments, 0, 128).toArray();
            EpochInputs in = new EpochInputs(epoch, preBits, postBits, epoch % 2 == 0, (int) (epoch % 3), x1, null,
                    y1, null, null);
            int[] before = reference[0].clone();
            general.applyEpoch(pre, post, reference[0], reference[1], reference[2], in, generalRandom);
            eventDriven.applyEpochByRows(rowStart, pre, post, rows[0], rows[1], rows[2], in, eventRandom);
            String where = text + ", epoch " + epoch;
            assertArrayEquals(reference[0], rows[0], where + ": weights");
            assertArrayEquals(reference[1], rows[1], where + ": delays");
            assertArrayEquals(reference[2], rows[2], where + ": tags");
            assertEquals(generalRandom.nextLong(), eventRandom.nextLong(), where + ": generator");
            for (int p = 0; p < 2; p++) {
                int[][] g = gathered[p];
                gatheredRule[p].applyEpoch(g[0], g[1], g[2], g[3], g[4], in, gatheredRandom[p]);
                partRule[p].applyEpochByRowRanges(rowFrom[p], rowTo[p], pre, post, parts[0], parts[1], parts[2], in,
                        partRandom[p]);
            }
            for (int p = 0; p < 2; p++) {
                for (int v = 0; v < 3; v++) {
                    assertArrayEquals(gathered[p][2 + v], gather(parts[v], index[p]), where + ": part " + p + ", "
                            + (v == 0 ? "weights" : v == 1 ? "delays" : "tags"));
                }
                assertEquals(gatheredRandom[p].nextLong(), partRandom[p].nextLong(), where + ": part " + p
                        + "'s generator");
            }
            changedEpochs += Arrays.equals(before, reference[0]) ? 0 : 1;
        }
        assertNotEquals(0, changedEpochs, text + ": the rule never changed a weight, so nothing was compared");
        // the chip evaluates every synapse whose dependency holds, changed or not: the counts agree too
        assertEquals(general.synapseUpdates(), eventDriven.synapseUpdates(), text + ": synaptic updates");
        assertEquals(gatheredRule[0].synapseUpdates() + gatheredRule[1].synapseUpdates(),
                partRule[0].synapseUpdates() + partRule[1].synapseUpdates(), text + ": synaptic updates of the parts");
        assertNotEquals(0, general.synapseUpdates(), text);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void rowsMustCoverEverySynapse(int end) {
        RuleEvaluator rule = RuleEvaluator.compile(Rule.parse("dw = x0*y0*2"), FORMAT);
        EpochInputs in = EpochInputs.spikes(1, new long[] {1}, new long[] {1}, false, 0);
        int[] one = new int[3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.applyEpochByRows(new int[] {0, end}, one, one, one.clone(), null, null, in,
                        LearningRandom.forCore(1, 0)));
        assertEquals("plastic group: rows end at synapse " + end + " but there are 3 synapses", e.getMessage());
    }

    private static int[] gather(int[] values, int[] index) {
        return Arrays.stream(index).map(k -> values[k]).toArray();
    }

    private static long[] spikes(SplittableRandom random, int size, double p) {
        long[] bits = new long[(size + 63) >>> 6];
        for (int i = 0; i < size; i++) {
            if (random.nextDouble() < p) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }
}
