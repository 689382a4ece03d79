package org.synfire.datasets.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.synfire.datasets.Images;
import org.synfire.datasets.preprocess.Resize.Method;

/** Every expected value below is worked out by hand; the comments show the arithmetic. */
class ImageStepsTest {

    @Test
    void cropRemovesTheGivenMargins() {
        // one 4 x 5 image holding 0..19 row by row; cut 1 top, 2 bottom, 1 left, 1 right -> row 1, columns 1..3
        Images in = image(4, 5, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        Images out = new Crop(1, 2, 1, 1).apply(in);
        assertEquals(1, out.rows());
        assertEquals(3, out.columns());
        assertArrayEquals(bytes(6, 7, 8), out.pixels());
    }

    @Test
    void cropWorksImageByImage() {
        // two 3 x 3 images, border 1 keeps the centre of each: 4 and 13
        byte[] two = new byte[18];
        for (int k = 0; k < 18; k++) {
            two[k] = (byte) k;
        }
        assertArrayEquals(bytes(4, 13), Crop.border(1).apply(new Images(2, 3, 3, two)).pixels());
    }

    @Test
    void cropTooLargeIsAnError() {
        Images in = image(2, 2, 1, 2, 3, 4);
        assertThrows(IllegalArgumentException.class, () -> Crop.border(1).apply(in));
        assertThrows(IllegalArgumentException.class, () -> new Crop(-1, 0, 0, 0));
    }

    @Test
    void binarizeAtOneHalfSplitsBetween127And128() {
        // 127/255 = 0.498 is not above 0.5; 128/255 = 0.502 is
        Images out = new Binarize(0.5).apply(image(1, 6, 0, 1, 127, 128, 200, 255));
        assertArrayEquals(bytes(0, 0, 0, 1, 1, 1), out.pixels());
        assertEquals(128, new Binarize(0.5).firstOne());
        // threshold 0: anything above 0 counts; 0.2 * 255 = 51 exactly, which is not above, so 52 is first
        assertEquals(1, new Binarize(0).firstOne());
        assertEquals(52, new Binarize(0.2).firstOne());
        assertThrows(IllegalArgumentException.class, () -> new Binarize(1));
        assertThrows(IllegalArgumentException.class, () -> new Binarize(Double.NaN));
    }

    @Test
    void bilinearUpscaleInterpolatesBetweenCentres() {
        // 2 x 2 -> 4 x 4: output x samples input (x + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25 -> clamp 0, .25, .75, 1
        // row 0 (input row 0 = 0, 100): 0, 25, 75, 100
        // row 1 at y = 0.25 between rows (0, 100) and (200, 40): column 1 = .75 * 25 + .25 * (.75*200 + .25*40)
        //   = 18.75 + .25 * 160 = 58.75 -> 59
        Images out = new Resize(4, 4, Method.BILINEAR).apply(image(2, 2, 0, 100, 200, 40));
        assertEquals(0, out.pixel(0, 0, 0));
        assertEquals(25, out.pixel(0, 0, 1));
        assertEquals(75, out.pixel(0, 0, 2));
        assertEquals(100, out.pixel(0, 0, 3));
        assertEquals(59, out.pixel(0, 1, 1));
        // row 3 clamps to input row 1: 200, .75*200+.25*40 = 160, .25*200+.75*40 = 80, 40
        assertArrayEquals(new int[] {200, 160, 80, 40}, row(out, 3));
    }

    @Test
    void bilinearHalvingAveragesTwoByTwoBlocks() {
        // 4 x 4 -> 2 x 2: output 0 samples input 0.5, i.e. the mean of the 2 x 2 block; (1+2+5+7)/4 = 3.75 -> 4
        Images in = image(4, 4,
                1, 2, 10, 20,
                5, 7, 30, 41,
                0, 0, 255, 255,
                0, 1, 255, 255);
        // blocks: 3.75 -> 4, (10+20+30+41)/4 = 25.25 -> 25, 1/4 = 0.25 -> 0, 255
        assertArrayEquals(bytes(4, 25, 0, 255), new Resize(2, 2, Method.BILINEAR).apply(in).pixels());
    }

    @Test
    void areaAveragingWeighsPartlyCoveredPixels() {
        // 3 x 3 -> 2 x 2: output 0 covers input 0 fully and input 1 by half (weights 2:1 in thirds), output 1
        // covers input 1 by half and input 2 fully (1:2). Each output = sum(wy * wx * p) / 9.
        Images in = image(3, 3,
                0, 30, 60,
                90, 120, 150,
                180, 210, 240);
        // (0,0): 4*0 + 2*30 + 2*90 + 1*120 = 360 / 9 = 40;  (0,1): 2*30 + 4*60 + 1*120 + 2*150 = 720 / 9 = 80
        // (1,0): 2*90 + 1*120 + 4*180 + 2*210 = 1440 / 9 = 160;  (1,1): 120 + 2*150 + 2*210 + 4*240 = 1800 / 9 = 200
        assertArrayEquals(bytes(40, 80, 160, 200), new Resize(2, 2, Method.AREA).apply(in).pixels());
    }

    @Test
    void areaAveragingRoundsHalfUp() {
        // (1 + 2) / 2 = 1.5 -> 2; (1 + 1 + 1 + 2) / 4 = 1.25 -> 1; (0 + 255) / 2 = 127.5 -> 128
        assertEquals(2, new Resize(1, 1, Method.AREA).apply(image(1, 2, 1, 2)).pixel(0, 0, 0));
        assertEquals(1, new Resize(1, 1, Method.AREA).apply(image(2, 2, 1, 1, 1, 2)).pixel(0, 0, 0));
        assertEquals(128, new Resize(1, 1, Method.AREA).apply(image(1, 2, 0, 255)).pixel(0, 0, 0));
    }

    @Test
    void areaUpscaleRepeatsPixels() {
        // 1 x 2 -> 2 x 4: each output pixel lies inside one input pixel
        assertArrayEquals(bytes(9, 9, 200, 200, 9, 9, 200, 200),
                new Resize(2, 4, Method.AREA).apply(image(1, 2, 9, 200)).pixels());
    }

    @Test
    void pipelineAppliesStepsInOrder() {
        // crop 4 x 4 to its centre 2 x 2 (100, 200, 127, 128), then binarise at 0.5: 0, 1, 0, 1
        Images in = image(4, 4,
                0, 0, 0, 0,
                0, 100, 200, 0,
                0, 127, 128, 0,
                0, 0, 0, 0);
        Pipeline p = Pipeline.of(Crop.border(1)).then(new Binarize(0.5));
        assertArrayEquals(bytes(0, 1, 0, 1), p.apply(in).pixels());
        assertEquals(2, p.steps().size());
    }

    @Test
    void oneHotPutsASingleOneAtTheLabel() {
        assertArrayEquals(bytes(0, 0, 1, 1, 0, 0, 0, 1, 0), OneHot.encode(new int[] {2, 0, 1}, 3));
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {3}, 3));
    }

    private static int[] row(Images images, int r) {
        int[] values = new int[images.columns()];
        for (int c = 0; c < values.length; c++) {
            values[c] = images.pixel(0, r, c);
        }
        return values;
    }

    private static Images image(int rows, int columns, int... pixels) {
        return new Images(1, rows, columns, bytes(pixels));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
