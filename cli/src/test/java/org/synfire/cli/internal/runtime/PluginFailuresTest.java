package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a plugin jar can fail: the {@code synfire} command reports it on standard error in one
 * line that names the jar and says the cause, leaves the plugin out and works with the rest.
 */
class PluginFailuresTest {

    @TempDir
    Path temp;

    private Path plugins() throws IOException {
        return Files.createDirectories(temp.resolve("plugins"));
    }

    @Test
    void aFileThatIsNotAJar() throws IOException {
        Path jar = Files.write(plugins().resolve("garbage.jar"), new byte[] {1, 2, 3, 4});

        String reason = leftOutWhileListing(jar);

        assertTrue(reason.startsWith("not a jar that can be read ("), reason);
    }

    @Test
    void aMissingModuleDependency() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend").requiringAbsent("org.synfire.absent")
                .build(temp.resolve("build"), plugins().resolve("needy.jar"));

        assertEquals("missing module dependency: module org.synfire.absent, required by org.synfire.fixture, is"
                + " neither in the jar nor among Synfire's modules; a plugin may require only the JDK's and Synfire's"
                + " modules", leftOutWhileListing(jar));
    }

    @Test
    void aModuleNamedAsABuiltInModule() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend").module("org.synfire.chip.emulator")
                .build(temp.resolve("build"), plugins().resolve("clash.jar"));

        assertEquals("its module is named org.synfire.chip.emulator, as a module Synfire runs with; give the"
                + " plugin's module a name of its own", leftOutWhileListing(jar));
    }

    @Test
    void aModuleNamedAsAnotherPluginsModule() throws IOException {
        Path first = FixturePlugin.backend("first-backend").build(temp.resolve("a"), plugins().resolve("a.jar"));
        Path second = FixturePlugin.backend("second-backend").build(temp.resolve("b"), plugins().resolve("b.jar"));

        CliRun run = list();

        assertEquals("its module is named org.synfire.fixture, as the module of plugin " + first
                + "; give each plugin's module a name of its own", run.onlyFailure(second));
        assertTrue(run.out().contains("  first-backend "), run.out());
        assertTrue(!run.out().contains("second-backend"), run.out());
    }

    @Test
    void aProviderClassThatFailsToLoad() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend").implementingAMissingInterface()
                .build(temp.resolve("build"), plugins().resolve("incomplete.jar"));

        assertEquals("cannot load the backend class org.synfire.fixture.FixtureBackend: a class it needs is missing:"
                + " org.synfire.fixture.Marker (NoClassDefFoundError)", leftOutWhileListing(jar));
    }

    @Test
    void aStaticInitialiserThatThrows() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .staticInitialiser("if (true) { throw new IllegalStateException(\"no licence file\"); }")
                .build(temp.resolve("build"), plugins().resolve("unlicensed.jar"));

        assertEquals("backend org.synfire.fixture.FixtureBackend cannot be created: its static initialiser threw"
                + " IllegalStateException: no licence file", leftOutWhileListing(jar));
    }

    @Test
    void aConstructorThatThrows() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .constructor("throw new IllegalStateException(\"no licence server\");")
                .build(temp.resolve("build"), plugins().resolve("offline.jar"));

        assertEquals("backend org.synfire.fixture.FixtureBackend cannot be created: IllegalStateException: no licence"
                + " server", leftOutWhileListing(jar));
    }

    /** Compiled against a package Synfire does not export; at run time its access is refused. */
    @Test
    void anIllegalAccessLeavesThePluginOutAndEveryCommandWorks() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend")
                .requiring("org.synfire.chip.emulator")
                .javac("--add-exports", "org.synfire.chip.emulator/org.synfire.chip.emulator.internal=org.synfire.fixture")
                .constructor("org.synfire.chip.emulator.internal.Loihi1Constants.class.getName();")
                .build(temp.resolve("build"), plugins().resolve("trespassing.jar"));

        String reason = leftOutWhileListing(jar);

        assertTrue(reason.startsWith("backend org.synfire.fixture.FixtureBackend cannot be created: it uses a class"
                + " it may not access (IllegalAccessError: "), reason);
        assertTrue(reason.contains("org.synfire.chip.emulator.internal.Loihi1Constants"), reason);
        assertTrue(reason.endsWith("); a plugin may use only the packages Synfire's modules export"), reason);

        CliRun inspect = CliRun.of("--plugin-path", plugins().toString(), "inspect", "--dataset", "mnist20");
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertEquals(reason, inspect.onlyFailure(jar));
        assertTrue(inspect.out().contains("fits: yes"), inspect.out());

        CliRun simulate = CliRun.of("--plugin-path", plugins().toString(), "simulate", network().toString(),
                "--steps", "8", "--out", temp.resolve("out").toString());
        assertEquals(0, simulate.exitCode(), simulate.err());
        assertEquals(reason, simulate.onlyFailure(jar));
        assertTrue(Files.isRegularFile(temp.resolve("out").resolve("spikes.csv")));
    }

    @Test
    void anInvalidId() throws IOException {
        Path jar = FixturePlugin.backend("Fixture_Backend").build(temp.resolve("build"), plugins().resolve("bad-id.jar"));

        assertEquals("backend org.synfire.fixture.FixtureBackend: extension id 'Fixture_Backend' is not valid:"
                + " expected lower case letters, digits and single hyphens, starting with a letter",
                leftOutWhileListing(jar));
    }

    @Test
    void anIdABuiltInProviderHas() throws IOException {
        Path jar = FixturePlugin.backend("loihi1").build(temp.resolve("build"), plugins().resolve("impostor.jar"));

        assertEquals("backend id 'loihi1' of org.synfire.fixture.FixtureBackend is already taken by the built-in"
                + " backend org.synfire.chip.emulator.Loihi1Backend; give the backend an id of its own",
                leftOutWhileListing(jar));
    }

    @Test
    void anIdAnotherPluginHas() throws IOException {
        Path first = FixturePlugin.backend("twin").module("org.synfire.fixture.a")
                .build(temp.resolve("a"), plugins().resolve("a.jar"));
        Path second = FixturePlugin.backend("twin").module("org.synfire.fixture.b")
                .build(temp.resolve("b"), plugins().resolve("b.jar"));

        CliRun run = list();

        assertEquals("backend id 'twin' of org.synfire.fixture.FixtureBackend is already taken by backend"
                + " org.synfire.fixture.FixtureBackend of plugin " + first + "; give the backend an id of its own",
                run.onlyFailure(second));
        assertTrue(run.out().contains("  twin "), run.out());
    }

    /**
     * The plugin of the original report: its provider lives in a package it does not export, and it still
     * carries the Guice module that bound it with {@code .to(FixtureBackend.class)}, which made every command
     * fail with an IllegalAccessError. Synfire reads the service declaration and ignores the Guice module.
     */
    @Test
    void aProviderInAPackageThePluginDoesNotExportWorks() throws IOException {
        FixturePlugin.backend("fixture-backend").withGuiceModule()
                .build(temp.resolve("build"), plugins().resolve("guice.jar"));

        for (String[] command : List.of(new String[] {"list"}, new String[] {"inspect", "--dataset", "mnist20"})) {
            CliRun run = CliRun.of(concat(new String[] {"--plugin-path", plugins().toString()}, command));
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.err());
        }
        Platform platform = Platform.start(List.of(plugins()));
        assertEquals(List.of(), platform.failures());
        ModuleLayer layer = platform.plugins().get(0).layer();
        assertTrue(layer.findModule("org.synfire.fixture").orElseThrow().getDescriptor().exports().isEmpty());
        assertEquals("Backend from a plugin jar", platform.extensions().backends().get("fixture-backend").description());
    }

    @Test
    void aJarThatProvidesNothing() throws IOException {
        Path jar = FixturePlugin.backend("fixture-backend").providingNothing()
                .build(temp.resolve("build"), plugins().resolve("empty.jar"));

        assertEquals("it provides none of Synfire's extension points: declare its providers with 'provides"
                + " org.synfire.chip.api.spi.ChipBackend with <class>' (or CircuitProvider, DatasetProvider,"
                + " CostModelProvider) in its module-info and in META-INF/services", leftOutWhileListing(jar));
    }

    /** Lists with the plugin directory, checks that the built-in providers are listed, and returns the one failure's reason. */
    private String leftOutWhileListing(Path jar) throws IOException {
        return list().onlyFailure(jar);
    }

    private CliRun list() throws IOException {
        return CliRun.list(plugins());
    }

    private Path network() throws IOException {
        Path file = temp.resolve("relay.json");
        try (InputStream in = getClass().getResourceAsStream("/networks/relay.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
