package org.synfire.cli.internal.run;

import java.time.Duration;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;

/**
 * Progress of long work: a bar with what is being done, rate and ETA on a terminal, nothing when output is
 * not a terminal or the user asked for quiet. Rate and ETA count only the work of this session: steps done
 * before it (the samples a resumed run restored) are shown as done but not as speed.
 */
public sealed interface Progress extends AutoCloseable {

    /** Columns the bar takes at most (it fits an 80-column terminal). */
    int WIDTH = 79;

    /** Moves the progress on by {@code steps}. */
    void step(long steps);

    /** A short remark shown beside the bar, e.g. the last accuracy. */
    void remark(String text);

    /** What is being done now, e.g. {@code training} or {@code evaluating 1000 test samples}. */
    void doing(String what);

    @Override
    void close();

    /**
     * A bar on the terminal if there is one and {@code quiet} is false; else silence.
     *
     * @param done steps done before this session (shown as done, not counted in rate and ETA)
     */
    static Progress of(String task, long total, long done, String unit, boolean quiet) {
        return quiet || System.console() == null ? new Silent() : new Bar(task, total, done, unit);
    }

    /**
     * One line of the bar, at most {@code width} columns: task, percentage, bar, count, this session's rate
     * and ETA, what is being done and the remark.
     *
     * @param sessionStart steps done before this session
     * @param elapsed      time since this session began
     */
    static String line(String task, long current, long max, long sessionStart, Duration elapsed, String unit,
            String doing, String remark, int width) {
        long session = current - sessionStart;
        double seconds = elapsed.toNanos() / 1e9;
        String rate;
        String eta;
        if (session > 0 && seconds > 0) {
            double perSecond = session / seconds;
            rate = (perSecond >= 100 ? String.format("%.0f", perSecond) : String.format("%.1f", perSecond)) + "/s";
            eta = "ETA " + clock(Duration.ofSeconds(Math.round((max - current) / perSecond)));
        } else {
            rate = "--/s";
            eta = "ETA --";
        }
        int percent = max <= 0 ? 0 : (int) (100 * current / max);
        String head = String.format("%s %3d%% [", task.length() > 12 ? task.substring(0, 11) + "~" : task, percent);
        String count = String.format(" %d/%d %s", current, max, unit);
        String tail = String.format(" %s %s %s%s", rate, eta, doing, remark);
        int minBar = 5;
        if (head.length() + minBar + 1 + count.length() + tail.length() > width) {
            count = ""; // the bar and percentage say it; what is being done matters more
        }
        int barWidth = Math.max(minBar, Math.min(30, width - head.length() - 1 - count.length() - tail.length()));
        int filled = max <= 0 ? 0 : (int) Math.min(barWidth, barWidth * current / max);
        String text = head + "=".repeat(filled) + " ".repeat(barWidth - filled) + "]" + count + tail;
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }

    private static String clock(Duration d) {
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
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
        public void doing(String what) {
        }

        @Override
        public void close() {
        }
    }

    /** A text progress bar on standard error. */
    final class Bar implements Progress {
        private final ProgressBar bar;
        private volatile String doing = "";
        private volatile String remark = "";

        Bar(String task, long total, long done, String unit) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(done, Duration.ZERO)
                    .setRenderer((ProgressState s, int columns) -> line(s.getTaskName(), s.getCurrent(), s.getMax(),
                            s.getStart(), s.getElapsedAfterStart(), unit, doing, remark,
                            columns > 20 ? Math.min(WIDTH, columns - 1) : WIDTH))
                    .setUpdateIntervalMillis((int) Duration.ofMillis(250).toMillis())
                    .continuousUpdate().build();
        }

        @Override
        public void step(long steps) {
            bar.stepBy(steps);
        }

        @Override
        public void remark(String text) {
            remark = text;
        }

        @Override
        public void doing(String what) {
            doing = what;
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
