package org.synfire.cli.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The summary's numbers keep their digits whatever their size. */
class SweepReportTest {

    @Test
    void smallFiguresKeepFourDecimalsLargeOnesNone() {
        assertEquals("0.0128", SweepReport.fixed(0.01283));
        assertEquals("-0.0003", SweepReport.fixed(-0.00031));
        assertEquals("0.00", SweepReport.fixed(0));
        assertEquals("95.44", SweepReport.fixed(95.4399));
        assertEquals("1234", SweepReport.fixed(1234.4));
    }
}
