#!/usr/bin/env python3
"""Steps per second of Lava's own CPU simulation of its bit-accurate models, on the network of Synfire's
ChipStepBenchmark: 400 inputs of which 100 (p = 0.25) spike in every timestep, all to all into a LIF population of
400, all to all into a second population of 400 (320,000 synapses), du = dv = 1024 (Lava's du is one lower: 1023),
thresholds 24000 and 10000, weights 2 * uniform(-20 .. 40). Needs Lava (lava-nc) v0.10.0 importable, with numpy 1.24,
scipy, networkx and asteval. Usage: lava-speed.py [STEPS] [REPEATS]; prints one line per repeat and the median."""
import statistics
import sys
import time

import numpy as np
from lava.magma.core.run_configs import Loihi2SimCfg
from lava.magma.core.run_conditions import RunSteps
from lava.proc.dense.process import Dense
from lava.proc.io.source import RingBuffer
from lava.proc.lif.process import LIF

SIZE, ACTIVE, PATTERNS = 400, 100, 64


def network(rng):
    spikes = np.zeros((SIZE, PATTERNS))
    for p in range(PATTERNS):
        spikes[rng.choice(SIZE, ACTIVE, replace=False), p] = 1
    source = RingBuffer(data=spikes)
    previous = source.s_out
    layers = []
    for vth in (24_000, 10_000):
        weights = 2 * rng.integers(-20, 41, size=(SIZE, SIZE))  # [post][pre], as Lava's Dense takes them
        dense = Dense(weights=weights, num_weight_bits=8, weight_exp=0)
        lif = LIF(shape=(SIZE,), du=1023, dv=1024, vth=vth, bias_mant=0, bias_exp=0)
        previous.connect(dense.s_in)
        dense.a_out.connect(lif.a_in)
        previous = lif.s_out
        layers.append(lif)
    return source, layers


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rates = []
    for r in range(repeats):
        source, layers = network(np.random.default_rng(1))
        config = Loihi2SimCfg(select_tag="fixed_pt")  # the bit-accurate process models
        layers[-1].run(condition=RunSteps(num_steps=10), run_cfg=config)  # compile and start outside the clock
        start = time.perf_counter()
        layers[-1].run(condition=RunSteps(num_steps=steps), run_cfg=config)
        seconds = time.perf_counter() - start
        layers[-1].stop()
        rates.append(steps / seconds)
        print(f"repeat {r + 1}: {steps} steps in {seconds:.2f} s, {steps / seconds:.1f} steps/s, "
              f"{1e6 * seconds / steps:.0f} us/step", flush=True)
    print(f"median {statistics.median(rates):.1f} steps/s, {1e6 / statistics.median(rates):.0f} us/step")
    activity(min(steps, 500))


def activity(steps):
    """Spikes per timestep of each population, from a run of its own with monitors (not timed)."""
    from lava.proc.monitor.process import Monitor
    source, layers = network(np.random.default_rng(1))
    monitors = []
    for lif in layers:
        monitor = Monitor()
        monitor.probe(lif.s_out, steps)
        monitors.append(monitor)
    layers[-1].run(condition=RunSteps(num_steps=steps), run_cfg=Loihi2SimCfg(select_tag="fixed_pt"))
    counts = [float(np.sum(m.get_data()[lif.name]["s_out"])) / steps for m, lif in zip(monitors, layers)]
    layers[-1].stop()
    print("spikes per timestep: " + ", ".join(f"{c:.1f}" for c in counts) + f" (over {steps} timesteps)")


if __name__ == "__main__":
    main()
