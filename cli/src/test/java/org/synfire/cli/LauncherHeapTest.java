package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./synfire} launcher starts the JVM with a heap limit: 1536 MiB (three times the memory budget), at most
 * half of the machine's memory; {@code SYNFIRE_HEAP} sets another, and an {@code -Xmx} in {@code SYNFIRE_JAVA_OPTS}
 * wins over both. The launcher script itself runs, in a copy of the checkout's layout with a built stamp (so it
 * builds nothing) and a stand-in {@code java} that prints the arguments it was given.
 */
class LauncherHeapTest {

    @TempDir
    Path temp;

    private Path launcher;
    private Path jdk;

    @BeforeEach
    void layout() throws IOException {
        Path checkout = Path.of("").toAbsolutePath().getParent();
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.createDirectories(root.resolve("scripts"));
        launcher = Files.copy(checkout.resolve("synfire"), root.resolve("synfire"));
        Files.copy(checkout.resolve("scripts/find-jdk.sh"), root.resolve("scripts/find-jdk.sh"));
        Files.createDirectories(root.resolve("cli/target/modules"));
        Files.createFile(root.resolve("cli/target/cli-0.1.0.jar"));
        Files.createFile(root.resolve("cli/target/modules/.built"));
        jdk = Files.createDirectories(temp.resolve("jdk/bin"));
        // answers find-jdk.sh's version question as a JDK 21, then prints each argument on a line
        executable(jdk.resolve("java"), "#!/usr/bin/env bash\n"
                + "if [ \"$1\" = -XshowSettings:properties ]; then echo '    java.specification.version = 21' >&2; exit 0; fi\n"
                + "printf '%s\\n' \"$@\"\n");
        executable(jdk.resolve("javac"), "#!/usr/bin/env bash\n");
    }

    @Test
    void theDefaultLimitIsThreeTimesTheBudgetAtMostHalfTheMachine() throws Exception {
        List<String> args = javaArguments(Map.of());

        assertEquals(List.of("-Xmx" + expectedDefaultMiB() + "m"), heapOptions(args));
        assertTrue(args.indexOf("-Xmx" + expectedDefaultMiB() + "m") < args.indexOf("org.synfire.cli/org.synfire.cli.Main"));
    }

    @Test
    void synfireHeapSetsTheLimit() throws Exception {
        assertEquals(List.of("-Xmx700m"), heapOptions(javaArguments(Map.of("SYNFIRE_HEAP", "700m"))));
    }

    /** The launcher's -Xmx comes first, so the one in SYNFIRE_JAVA_OPTS is the one the JVM takes (the last). */
    @Test
    void anXmxInSynfireJavaOptsWins() throws Exception {
        List<String> args = javaArguments(Map.of("SYNFIRE_HEAP", "700m", "SYNFIRE_JAVA_OPTS", "-Xmx600m"));

        assertEquals(List.of("-Xmx700m", "-Xmx600m"), heapOptions(args));
        assertEquals(600L << 20, maxHeapOfARealJvm("-Xmx700m", "-Xmx600m"));
    }

    @Test
    void aHeapThatIsNotASizeIsAConfigurationError() throws Exception {
        Process p = launch(Map.of("SYNFIRE_HEAP", "lots"));
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));

        assertEquals(2, p.exitValue());
        assertEquals("synfire: SYNFIRE_HEAP=lots: expected a heap size as java -Xmx takes it, e.g. 2g or 1500m\n",
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The rule, from the machine's memory as /proc/meminfo gives it (1536 MiB where it cannot be read). */
    private static long expectedDefaultMiB() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.isReadable(meminfo)) {
            return 1536;
        }
        long kib = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
        long half = kib / 2048;
        return half >= 256 && half < 1536 ? half : 1536;
    }

    private static List<String> heapOptions(List<String> args) {
        return args.stream().filter(a -> a.startsWith("-Xmx")).toList();
    }

    private List<String> javaArguments(Map<String, String> environment) throws Exception {
        Process p = launch(environment);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out.lines().toList();
    }

    private Process launch(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "--version");
        builder.environment().remove("SYNFIRE_HEAP");
        builder.environment().remove("SYNFIRE_JAVA_OPTS");
        builder.environment().put("JAVA_HOME", jdk.getParent().toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** MaxHeapSize as a real JVM (this test's) takes these options. */
    private static long maxHeapOfARealJvm(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(List.of(options));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        return out.lines().filter(l -> l.matches("\\s*size_t MaxHeapSize\\s.*")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll(".*=\\s*([0-9]+).*", "$1"))).orElseThrow();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
