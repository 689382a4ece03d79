package org.synfire.chip.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * Not a test: maps a network of the sBP circuit's shape (its populations and the sizes and masks of its
 * connections, weights arbitrary and not plastic) and prints the cores each population lands on, and the
 * timesteps/s of a quiet run. Run like {@link ThroughputHarness}.
 */
public final class SbpShapeHarness {

    private SbpShapeHarness() {
    }

    public static void main(String[] args) {
        int in = 400;
        int hid = 400;
        int out = 10;
        Map<String, Integer> populations = new LinkedHashMap<>();
        for (String p : new String[] {"x", "m_x"}) {
            populations.put(p, in);
        }
        for (String p : new String[] {"h", "h<", "h>", "h1T", "c_h", "m_h"}) {
            populations.put(p, hid);
        }
        for (String p : new String[] {"o", "o<", "o>", "t", "d+", "d-", "oT-"}) {
            populations.put(p, out);
        }
        CompartmentPrototype biased = CompartmentPrototype.builder().vThMant(1024).bias(-4096, 7).refractoryDelay(2)
                .build();
        Network.Builder b = Network.builder();
        for (int g = 0; g < 12; g++) {
            b.group(String.format("g%02d", g), 1, CompartmentPrototype.builder().vThMant(1024).build());
        }
        populations.forEach((name, size) -> b.group(name, size, biased));
        b.generator("input", in).generator("target", out);
        for (int g = 0; g < 12; g++) {
            b.connect(String.format("g%02d", g), String.format("g%02d", (g + 1) % 12)).weight(200).exponent(6).add();
        }
        // gates onto populations (one-to-all), as in the phase table
        String[][] gates = {{"g01", "x"}, {"g02", "h"}, {"g02", "h<"}, {"g02", "h>"}, {"g03", "o"}, {"g03", "o<"},
            {"g03", "o>"}, {"g03", "t"}, {"g03", "m_h"}, {"g05", "h"}, {"g05", "h1T"}, {"g05", "o"}, {"g05", "oT-"},
            {"g06", "h1T"}, {"g06", "m_x"}, {"g06", "c_h"}, {"g07", "x"}, {"g08", "h"}, {"g09", "h"}, {"g10", "h1T"},
            {"g11", "x"}};
        for (String[] g : gates) {
            b.connect(g[0], g[1]).name(g[0] + "->" + g[1]).oneToAll().weight(136).exponent(6).add();
        }
        for (String h : new String[] {"h", "h<", "h>"}) {
            b.connect("x", h).weight(2).add();
        }
        for (String o : new String[] {"o", "o<", "o>"}) {
            b.connect("h", o).weight(2).add();
        }
        b.connect("o", "h1T").weight(2).add();
        b.connect("oT-", "h1T").weight(2).add();
        b.connect("input", "x").oneToOne().weight(130).exponent(2).add();
        b.connect("target", "t").oneToOne().weight(130).exponent(2).add();
        b.connect("x", "m_x").oneToOne().weight(130).exponent(2).delay(4).add();
        b.connect("m_x", "x").name("m_x->x/0").oneToOne().weight(130).exponent(2).add();
        b.connect("m_x", "x").name("m_x->x/4").oneToOne().weight(130).exponent(2).delay(4).add();
        b.connect("h", "m_h").oneToOne().weight(130).exponent(2).add();
        b.connect("m_h", "h").oneToOne().weight(130).exponent(2).delays(new int[hid]).add();
        b.connect("h<", "c_h").oneToOne().weight(130).exponent(2).delay(3).add();
        b.connect("h>", "c_h").oneToOne().weight(-130).exponent(2).delay(3).add();
        for (String h : new String[] {"h", "h<", "h>"}) {
            b.connect("c_h", h).oneToOne().weight(130).exponent(2).add();
        }
        Network network = b.build();
        long start = System.nanoTime();
        try (ChipSimulation sim = new Loihi1Backend().open(network, RunOptions.seed(1))) {
            System.out.printf("compiled %d compartments in %.0f ms%n", network.compartmentCount(),
                    (System.nanoTime() - start) / 1e6);
            TreeSet<Integer> all = new TreeSet<>();
            for (var g : network.groups()) {
                TreeSet<Integer> cores = new TreeSet<>();
                for (int i = 0; i < g.size(); i++) {
                    cores.add(sim.coreOf(g.name(), i));
                }
                all.addAll(cores);
                if (g.size() > 1) {
                    System.out.println(g.name() + " (" + g.size() + "): cores " + cores);
                }
            }
            System.out.println("cores used: " + all.size());
            int timesteps = 100_000;
            start = System.nanoTime();
            sim.run(timesteps);
            System.out.printf("%d quiet timesteps: %.0f timesteps/s%n", timesteps,
                    timesteps / ((System.nanoTime() - start) / 1e9));
        }
    }
}
