package org.synfire.cli.internal.run;

import java.time.Duration;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a bar with rate and ETA on a terminal, nothing when output is not a
 * terminal or the user asked for quiet.
 */
public sealed interface Progress extends AutoCloseable {

    /** Moves the progress on by {@code steps}. */
    void step(long steps);

    /** A short remark shown beside the bar, e.g. the last accuracy. */
    void remark(String text);

    @Override
    void close();

    /** A bar on the terminal if there is one and {@code quiet} is false; else silence. */
    static Progress of(String task, long total, String unit, boolean quiet) {
        return quiet || System.console() == null ? new Silent() : new Bar(task, total, unit);
    }

    /** Shows nothing. */
    record Silent() implements Progress {
        @Override
        public void step(long steps) {
        }

        @Override
        public void remark(String text) {
        }

        @Override
        public void close() {
        }
    }

    /** A text progress bar on standard error. */
    final class Bar implements Progress {
        private final ProgressBar bar;

        Bar(String task, long total, String unit) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                    .setUpdateIntervalMillis((int) Duration.ofMillis(250).toMillis())
                    .continuousUpdate().build();
        }

        @Override
        public void step(long steps) {
            bar.stepBy(steps);
        }

        @Override
        public void remark(String text) {
            bar.setExtraMessage(text);
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
