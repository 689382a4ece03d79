package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile plugin jars, second round (issue 24): a plugin that would end the command, throws an Error from its
 * identity methods, answers differently when asked again, or whose archive inflates past the caps. Each is left out
 * in one line that names the jar and the cause, and {@code list} exits 0 with the built-in providers. A guard that
 * failed would end the test JVM (System.exit), overflow its stack or run it out of memory, or hang (the timeouts).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PluginHostileTest {

    private static final String NO_EXIT = "; a plugin may not end the command (System.exit, Runtime.exit, Runtime.halt)"
            + " or add shutdown hooks: it reports a failure by throwing an exception";

    @TempDir
    Path temp;

    private Path plugins() throws IOException {
        return Files.createDirectories(temp.resolve("plugins"));
    }

    private String leftOutWhileListing(Path jar) throws IOException {
        return CliRun.list(plugins()).onlyFailure(jar);
    }

    /** Each forbidden method, called from the constructor directly, through a lambda or as a method reference. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "System.exit(3);                                                      | System.exit, which would end the command",
        "Runtime.getRuntime().exit(3);                                        | Runtime.exit, which would end the command",
        "java.util.function.IntConsumer end = Runtime.getRuntime()::halt; if (System.nanoTime() == 1) end.accept(3);"
                + " | Runtime.halt, which would end the command",
        "Runtime.getRuntime().addShutdownHook(new Thread(() -> {}));          | Runtime.addShutdownHook, whose hook could"
                + " hold the command up as it ends"})
    void aCallThatWouldEndTheCommandIsRefusedBeforeAnyOfItsCodeRuns(String code, String calls) throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend").constructor(code)
                .build(temp.resolve("build"), plugins().resolve("ending.jar"));

        assertEquals("its class org.synfire.fixture.FixtureBackend calls " + calls + NO_EXIT, leftOutWhileListing(jar));
    }

    /** The call may be in any class of the jar, here a nested one the provider never uses. */
    @Test
    void aCallInAnyClassOfTheJarIsFound() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .members("static final class Unused { void end() { System.exit(0); } }")
                .build(temp.resolve("build"), plugins().resolve("unused-exit.jar"));

        assertEquals("its class org.synfire.fixture.FixtureBackend$Unused calls System.exit, which would end the"
                + " command" + NO_EXIT, leftOutWhileListing(jar));
    }

    @Test
    void aStackOverflowFromIdIsIsolated() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend").identity("if (System.nanoTime() != 0) { return id(); }")
                .build(temp.resolve("build"), plugins().resolve("recursive.jar"));

        assertEquals("backend org.synfire.fixture.FixtureBackend failed when asked for its id and description:"
                + " StackOverflowError", leftOutWhileListing(jar));
    }

    /**
     * A constructor that never returns, or an id() that never does (here they sleep; a loop would do the same): the
     * provider is left behind on its daemon thread after the answer time (shortened to 2 s here, 30 s in use).
     */
    @Test
    void aProviderThatNeverAnswersIsLeftBehind() throws IOException {
        String sleep = "try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { }";
        Path stuck = FixturePlugin.backend("fixture-backend").constructor(sleep)
                .build(temp.resolve("a"), plugins().resolve("a-stuck.jar"));
        Path mute = FixturePlugin.backend("other-backend").module("org.synfire.fixture.b").identity(sleep)
                .build(temp.resolve("b"), plugins().resolve("b-mute.jar"));
        java.time.Duration answerTime = Providers.answerTime;
        Providers.answerTime = java.time.Duration.ofSeconds(2);
        CliRun run;
        try {
            run = CliRun.list(plugins());
        } finally {
            Providers.answerTime = answerTime;
        }

        assertEquals("synfire: plugin left out: " + stuck + ": backend org.synfire.fixture.FixtureBackend was not created"
                + " within 2 s (does its constructor or static initialiser wait or loop forever?)\n"
                + "synfire: plugin left out: " + mute + ": backend org.synfire.fixture.FixtureBackend did not give its id"
                + " and description within 2 s (does its id() or description() wait or loop forever?)\n", run.err());
    }

    /** A real OutOfMemoryError, thrown by the JVM without allocating: an array longer than the VM allows. */
    @Test
    void anOutOfMemoryErrorFromTheConstructorIsIsolated() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend").constructor("long[] all = new long[Integer.MAX_VALUE];")
                .build(temp.resolve("build"), plugins().resolve("greedy.jar"));

        assertEquals("backend org.synfire.fixture.FixtureBackend cannot be created: OutOfMemoryError: Requested array"
                + " size exceeds VM limit", leftOutWhileListing(jar));
    }

    /** A cause chain that loops (a is b's cause and b a's) would make the words never end; a message that throws. */
    @Test
    void aThrowableThatCannotBePutIntoWordsIsDescribedAllTheSame() throws IOException {
        Path looping = FixturePlugin.backend("fixture-backend").constructor("RuntimeException a = new RuntimeException(\"a\");"
                + " RuntimeException b = new RuntimeException(\"b\", a); a.initCause(b); throw a;")
                .build(temp.resolve("a"), plugins().resolve("a-looping.jar"));
        Path unreadable = FixturePlugin.backend("other-backend").module("org.synfire.fixture.b").description(
                "if (System.nanoTime() != 0) { throw new IllegalStateException() { @Override public String getMessage()"
                        + " { throw new IllegalStateException(); } }; }")
                .build(temp.resolve("b"), plugins().resolve("b-unreadable.jar"));

        CliRun run = CliRun.list(plugins());

        assertEquals("synfire: plugin left out: " + looping + ": backend org.synfire.fixture.FixtureBackend cannot be"
                + " created: RuntimeException: a (caused by RuntimeException: b)\n"
                + "synfire: plugin left out: " + unreadable + ": backend org.synfire.fixture.FixtureBackend failed when"
                + " asked for its id and description: org.synfire.fixture.FixtureBackend$1: (its message cannot be read:"
                + " IllegalStateException)\n", run.err());
    }

    /**
     * A provider is asked for its id and description once, at load: this one throws when asked a second time, and
     * lists as it answered the first. Its description's line end and escape character print as spaces.
     */
    @Test
    void aProviderIsAskedForItsIdentityOnceAndItsWordsPrintOnOneLine() throws IOException {
        FixturePlugin.backend("fixture-backend")
                .members("private int asked;")
                .identity("if (asked++ > 0) { throw new IllegalStateException(\"asked twice\"); }")
                .description("if (asked++ > 1) { throw new IllegalStateException(\"asked twice\"); }"
                        + " if (System.nanoTime() != 0) { return \"first line\\nsecond \\u001b[31mred\"; }")
                .build(temp.resolve("build"), plugins().resolve("moody.jar"));

        CliRun run = CliRun.list(plugins());

        assertEquals("", run.err());
        assertTrue(run.out().matches("(?s).*\n  fixture-backend +first line second \\[31mred\n.*"), run.out());
    }

    /**
     * Work that runs out of heap (here a backend whose {@code open} meets the JVM's OutOfMemoryError, which picocli
     * passes on as an Error) ends in one line naming the heap limit and how to raise it, exit 1, not a trace.
     */
    @Test
    void runningOutOfMemoryIsOneLineNamingTheHeap() throws IOException {
        FixturePlugin.backend("fixture-backend").open("long[] all = new long[Integer.MAX_VALUE];")
                .build(temp.resolve("build"), plugins().resolve("greedy.jar"));
        Path network = temp.resolve("relay.json");
        try (InputStream in = getClass().getResourceAsStream("/networks/relay.json")) {
            Files.copy(in, network);
        }

        CliRun run = CliRun.of("--plugin-path", plugins().toString(), "simulate", network.toString(), "--backend",
                "fixture-backend", "--steps", "8", "--out", temp.resolve("out").toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("synfire: out of memory: the work needs more than the java heap of "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; give it more with SYNFIRE_HEAP (e.g."
                + " SYNFIRE_HEAP=4g ./synfire ...)\n", run.err());
    }

    /** 64 MiB of zeros deflate to 64 KB: refused once 16 MiB are inflated (more than 100 times the jar's size). */
    @Test
    void aZipBombIsRefusedAfterInflatingAFewTimesItsSize() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .withEntries(zip -> entry(zip, "org/synfire/fixture/zeros.bin", 64 << 20))
                .build(temp.resolve("build"), plugins().resolve("bomb.jar"));
        long size = Files.size(jar);
        assertTrue(size < 160_000, "the bomb is " + size + " bytes");

        assertEquals("it inflates to more than 100 times its size of " + size + " bytes (at entry"
                + " 'org/synfire/fixture/zeros.bin'; a zip bomb?); a plugin jar may inflate to at most 100 times its size"
                + " past 16777216 bytes (16 MiB)", leftOutWhileListing(jar));
    }

    /**
     * An entry whose directory record declares 600 MiB (patched into a jar of a few kilobytes) is refused before it
     * is read, as the total cap of 512 MiB would be passed.
     */
    @Test
    void anEntryDeclaringMoreThanTheTotalCapIsRefusedUnread() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .withEntries(zip -> entry(zip, "data/table.bin", 1000))
                .build(temp.resolve("build"), plugins().resolve("claims.jar"));
        declareSize(jar, "data/table.bin", 600L << 20);

        assertEquals("its entry 'data/table.bin' declares 629145600 bytes; a plugin jar may inflate to at most 536870912"
                + " bytes (512 MiB) in all", leftOutWhileListing(jar));
    }

    /** The module finder reads a jar's manifest and module-info whole: each such file is capped at 16 MiB. */
    @Test
    void aFileTheJvmReadsWholeIsCappedAt16MiB() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .withEntries(zip -> entry(zip, "META-INF/notes.txt", (16 << 20) + 1))
                .build(temp.resolve("build"), plugins().resolve("long-notes.jar"));

        assertEquals("its entry 'META-INF/notes.txt' declares 16777217 bytes; a class file or a file under META-INF/ may"
                + " take at most 16777216 bytes (16 MiB)", leftOutWhileListing(jar));
    }

    @Test
    void tooManyEntriesAreRefusedFromTheZipEndRecord() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .withEntries(zip -> {
                    for (int i = 0; i < PluginArchive.MAX_ENTRIES; i++) {
                        entry(zip, "many/" + i, 0);
                    }
                })
                .build(temp.resolve("build"), plugins().resolve("crowded.jar"));

        int entries; // the fixture's own entries and 20,000 more, as the JDK counts them
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            entries = zip.size();
        }
        assertTrue(entries > PluginArchive.MAX_ENTRIES);
        assertEquals("its zip directory declares " + entries + " entries; a plugin jar may hold at most 20000",
                leftOutWhileListing(jar));
    }

    @Test
    void aClassEntryThatIsNotAClassFileIsRefused() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .withEntries(zip -> {
                    try {
                        zip.putNextEntry(new ZipEntry("org/synfire/fixture/Fake.class"));
                        zip.write("not a class".getBytes(StandardCharsets.US_ASCII));
                        zip.closeEntry();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build(temp.resolve("build"), plugins().resolve("fake.jar"));

        assertEquals("its entry 'org/synfire/fixture/Fake.class' is not a class file; a plugin jar's .class entries must"
                + " be class files", leftOutWhileListing(jar));
    }

    /** An entry of {@code bytes} zeros, deflated. */
    private static void entry(ZipOutputStream zip, String name, int bytes) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (int left = bytes; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, Math.min(left, zeros.length));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the uncompressed size the zip directory records for an entry (central header offset 24, 4 bytes). */
    private static void declareSize(Path jar, String name, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (zip.getInt(i) == 0x02014b50 && zip.getShort(i + 28) == wanted.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                zip.putInt(i + 24, (int) size);
                Files.write(jar, bytes);
                return;
            }
        }
        throw new IllegalStateException(name + " is not in " + jar);
    }
}
