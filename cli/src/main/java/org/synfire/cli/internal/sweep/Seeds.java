package org.synfire.cli.internal.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.synfire.cli.internal.experiment.ConfigurationException;
import org.synfire.cli.internal.experiment.Experiment;

/** The seeds of a sweep as {@code --seeds} gives them: ranges and single seeds, e.g. {@code 1..5} or {@code 1..3,7}. */
public final class Seeds {

    /** More points than this is a typo, not a sweep. */
    static final int MAX = 10_000;

    private Seeds() {
    }

    /**
     * The seeds {@code text} names, in its order, each once.
     *
     * @throws ConfigurationException naming the text and what was expected
     */
    public static List<Long> parse(String text) {
        Set<Long> seeds = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            throw bad(String.valueOf(text), "it is empty");
        }
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            int dots = p.indexOf("..");
            try {
                if (dots < 0) {
                    seeds.add(Long.parseLong(p));
                } else {
                    long first = Long.parseLong(p.substring(0, dots).strip());
                    long last = Long.parseLong(p.substring(dots + 2).strip());
                    if (last < first) {
                        throw bad(text, "the range " + p + " ends before it starts");
                    }
                    long span;
                    try {
                        span = Math.subtractExact(last, first);
                    } catch (ArithmeticException e) {
                        span = Long.MAX_VALUE; // wider than any long: certainly too many
                    }
                    if (span >= MAX) {
                        throw bad(text, "more than " + MAX + " seeds");
                    }
                    // counted, not compared with last: a range that ends at Long.MAX_VALUE must end
                    for (long k = 0; k <= span; k++) {
                        seeds.add(first + k);
                    }
                }
            } catch (NumberFormatException e) {
                throw bad(text, "'" + Experiment.printable(p) + "' is not a whole number or a range");
            }
            if (seeds.size() > MAX) {
                throw bad(text, "more than " + MAX + " seeds");
            }
        }
        return new ArrayList<>(seeds);
    }

    /** The seeds written back as {@link #parse} reads them, ranges joined: {@code 1..5,7}. */
    public static String format(List<Long> seeds) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < seeds.size(); ) {
            int j = i;
            while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ",").append(seeds.get(i));
            if (j > i) {
                b.append("..").append(seeds.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }

    private static ConfigurationException bad(String text, String why) {
        return new ConfigurationException("--seeds " + Experiment.printable(text) + ": " + why
                + "; expected seeds and ranges, e.g. 1..5 or 1..3,7");
    }
}
