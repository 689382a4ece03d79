package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: plugin jars dropped into a directory appear beside the built-in providers. */
class PluginLoadingTest {

    @TempDir
    Path temp;

    @Test
    void pluginBackendAppearsBesideTheBuiltInOnes() throws IOException {
        Path plugins = temp.resolve("plugins");
        Path jar = FixturePlugin.build("fixture-backend", temp.resolve("build"), plugins.resolve("fixture.jar"));

        Platform platform = Platform.start(List.of(plugins));

        assertEquals(List.of(), platform.failures());
        assertEquals(List.of(jar), platform.plugins().stream().map(PluginJar::jar).toList());
        assertEquals(Set.of("ideal", "loihi1", "loihi1-reference", "loihi2", "fixture-backend"), platform.extensions().backends().byId().keySet());
        assertEquals("Backend from a plugin jar",
                platform.extensions().backends().get("fixture-backend").description());
    }

    @Test
    void brokenJarsAreReportedAndTheRestKeepsWorking() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path garbage = Files.write(plugins.resolve("a-garbage.jar"), new byte[] {1, 2, 3, 4});
        Path duplicate = FixturePlugin.build("loihi1", temp.resolve("dup"), plugins.resolve("b-duplicate.jar"));
        Path needy = FixturePlugin.buildRequiring("org.synfire.absent", temp.resolve("needy"),
                plugins.resolve("c-needy.jar"));
        Path good = FixturePlugin.build("fixture-backend", temp.resolve("good"), plugins.resolve("d-good.jar"));

        Platform platform = Platform.start(List.of(plugins, temp.resolve("no-such-directory")));

        assertEquals(List.of(garbage, duplicate, needy),
                platform.failures().stream().map(PluginFailure::jar).toList(),
                "failures: " + platform.failures());
        assertTrue(platform.failures().get(1).reason().contains("loihi1"), platform.failures().get(1).reason());
        assertTrue(platform.failures().get(2).reason().contains("org.synfire.absent"),
                platform.failures().get(2).reason());
        assertEquals(List.of(good), platform.plugins().stream().map(PluginJar::jar).toList());
        assertEquals(Set.of("ideal", "loihi1", "loihi1-reference", "loihi2", "fixture-backend"), platform.extensions().backends().byId().keySet());
        assertTrue(platform.extensions().backends().get("loihi1").description().contains("Loihi-1"));
    }
}
