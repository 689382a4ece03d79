package org.synfire.cli.internal.run;

import java.nio.file.Path;
import java.util.Arrays;

/** Run as a child process by {@link AtomicFilesTest}: rewrites one file forever, each version one byte value. */
public final class RewritingProcess {

    static final int SIZE = 1 << 20;

    private RewritingProcess() {
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        byte[] content = new byte[SIZE];
        for (int version = 0; ; version++) {
            Arrays.fill(content, (byte) version);
            AtomicFiles.write(target, out -> {
                for (int offset = 0; offset < SIZE; offset += 1 << 16) {
                    out.write(content, offset, 1 << 16);
                    out.flush();
                    pause(); // a slow writer: most kills land in the middle of a version
                }
            });
        }
    }
}
