package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.run.WeightsFile;

/**
 * The example plugin in {@code examples/perceptron-plugin} builds against this reactor's modules, loads as a
 * plugin, and trains on the chip to exactly the weights of its functional model: so that the example and the
 * tutorial that builds it can never rot. Its sources are compiled here as its own Maven build compiles them.
 */
class ExamplePluginTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "perceptron-plugin", "src", "main");
    private static final Path EXAMPLE_TESTS = Path.of("..", "examples", "perceptron-plugin", "src", "test", "java");

    @TempDir
    static Path temp;

    private static Path plugins;

    @BeforeAll
    static void buildThePlugin() throws IOException {
        Path classes = temp.resolve("classes");
        List<String> args = new ArrayList<>(List.of("--release", "21", "-Xlint:all", "-Werror", "-d",
                classes.toString(), "--module-path", System.getProperty("jdk.module.path")));
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("java"))) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
        }
        StringWriter diagnostics = new StringWriter();
        int status = ToolProvider.findFirst("javac").orElseThrow()
                .run(new PrintWriter(diagnostics), new PrintWriter(diagnostics), args.toArray(String[]::new));
        assertEquals(0, status, "the example plugin does not compile:\n" + diagnostics);
        plugins = Files.createDirectories(temp.resolve("plugins"));
        try (OutputStream out = Files.newOutputStream(plugins.resolve("perceptron-plugin.jar"));
                JarOutputStream jar = new JarOutputStream(out)) {
            for (Path root : List.of(classes, EXAMPLE.resolve("resources"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        jar.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                        jar.write(Files.readAllBytes(file));
                        jar.closeEntry();
                    }
                }
            }
        }
    }

    /**
     * The example's own test, which calls the circuit test kit, compiled and run as its Maven build would: on the
     * class path (the plugin's classes, its resources, and every jar this test has: Synfire's modules, the kit, JUnit),
     * in a class loader of its own whose parent is the boot loader (the platform loader would hand out this JVM's
     * Synfire modules, whose services a class-path ServiceLoader ignores); each {@code @Test} method is invoked and must return normally.
     */
    @Test
    void theExamplesOwnTestPassesWithTheCircuitTestKit() throws Exception {
        Path testClasses = temp.resolve("test-classes");
        List<Path> path = new ArrayList<>(List.of(temp.resolve("classes"), EXAMPLE.resolve("resources")));
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(property, "").split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    path.add(Path.of(entry));
                }
            }
        }
        String classPath = String.join(java.io.File.pathSeparator, path.stream().map(Path::toString).toList());
        List<String> args = new ArrayList<>(List.of("--release", "21", "-Xlint:all", "-Werror", "-d",
                testClasses.toString(), "-cp", classPath));
        List<String> sources;
        try (Stream<Path> files = Files.walk(EXAMPLE_TESTS)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        assertTrue(!sources.isEmpty(), "the example has tests");
        args.addAll(sources);
        StringWriter diagnostics = new StringWriter();
        int status = ToolProvider.findFirst("javac").orElseThrow()
                .run(new PrintWriter(diagnostics), new PrintWriter(diagnostics), args.toArray(String[]::new));
        assertEquals(0, status, "the example's tests do not compile:\n" + diagnostics);
        path.add(0, testClasses);
        java.net.URL[] urls = new java.net.URL[path.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = path.get(i).toUri().toURL();
        }
        int invoked = 0;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(urls, null)) {
            @SuppressWarnings("unchecked")
            Class<? extends java.lang.annotation.Annotation> test = (Class<? extends java.lang.annotation.Annotation>)
                    loader.loadClass("org.junit.jupiter.api.Test");
            for (String source : sources) {
                String name = EXAMPLE_TESTS.relativize(Path.of(source)).toString().replace(java.io.File.separatorChar, '.')
                        .replaceFirst("\\.java$", "");
                Class<?> type = loader.loadClass(name);
                java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(test)) {
                        method.setAccessible(true);
                        try {
                            method.invoke(constructor.newInstance());
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw new AssertionError(name + "." + method.getName() + " failed: " + e.getCause(),
                                    e.getCause());
                        }
                        invoked++;
                    }
                }
            }
        }
        assertTrue(invoked >= 1, "no @Test method ran");
    }

    @Test
    void listsTheExampleCircuits() {
        CliRun list = CliRun.of("--plugin-path", plugins.toString(), "list");

        assertEquals(0, list.exitCode(), list.err());
        assertEquals("", list.err());
        assertTrue(list.out().contains("perceptron ") && list.out().contains("perceptron-functional"), list.out());
    }

    @Test
    void inspectShowsThePerceptronWithoutHiddenLayers() {
        CliRun inspect = CliRun.of("--plugin-path", plugins.toString(), "inspect", "--circuit", "perceptron",
                "--dataset", "mnist20-mini");

        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().startsWith("circuit perceptron, 400-10 (mnist20-mini), on loihi1\n"), inspect.out());
    }

    @Test
    void theCircuitOnTheChipLearnsWhatItsFunctionalModelLearns() throws IOException {
        Map<String, int[][]> chip = train("perceptron");
        Map<String, int[][]> functional = train("perceptron-functional");

        assertEquals(List.of("w"), List.copyOf(functional.keySet()));
        assertArrayEquals(functional.get("w"), chip.get("w"));
        assertArrayEquals(chip.get("w"), chip.get("w@x->o<"));
        assertArrayEquals(chip.get("w"), chip.get("w@x->o>"));
    }

    /**
     * A plugin circuit's run exports and evaluates with its sizes from run.json (not from sBP's matrix names): the NIR
     * graph predicts what the perceptron computes (first unit whose sum x w exceeds 512, computed here from
     * weights.npz), and eval's top1_spikes is the share of those predictions that are right.
     */
    @Test
    void aRunOfThePluginCircuitExportsAndEvaluates() throws IOException {
        Path runs = temp.resolve("runs-export");
        CliRun run = CliRun.of("--plugin-path", plugins.toString(), "train", "--circuit", "perceptron", "--dataset",
                "mnist20-mini", "--train-samples", "100", "--test-samples", "50", "--runs", runs.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Path dir;
        try (Stream<Path> dirs = Files.list(runs)) {
            dir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path nir = temp.resolve("perceptron.nir");

        CliRun export = CliRun.of("--plugin-path", plugins.toString(), "export", dir.toString(), "--out",
                nir.toString());
        CliRun eval = CliRun.of("--plugin-path", plugins.toString(), "eval", dir.toString(), "--test-samples", "50");

        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().contains("of circuit perceptron, 1 layers (400-10)"), export.out());
        assertEquals(0, eval.exitCode(), eval.err());
        int[][] w = WeightsFile.readWeights(dir.resolve("weights.npz")).get("w");
        org.synfire.chip.api.data.Samples test = new org.synfire.datasets.Mnist20MiniProvider()
                .load(new org.synfire.chip.api.data.DataOptions(java.util.Optional.empty(), false)).test().head(50);
        org.synfire.interchange.nir.NirForward forward = new org.synfire.interchange.nir.NirForward(
                org.synfire.interchange.nir.NirFile.read(nir));
        int right = 0;
        for (int n = 0; n < test.count(); n++) {
            int expected = 0;
            for (int k = w[0].length - 1; k >= 0; k--) {
                int a = 0;
                for (int i = 0; i < w.length; i++) {
                    a += test.input(n, i) != 0 ? w[i][k] : 0;
                }
                expected = a > 512 ? k : expected;
            }
            double[] outputs = forward.run(test.inputs(), n * test.dimension());
            int first = 0;
            for (int k = outputs.length - 1; k >= 0; k--) {
                first = outputs[k] != 0 ? k : first;
            }
            assertEquals(expected, first, "sample " + n);
            right += expected == test.labels()[n] ? 1 : 0;
        }
        assertTrue(eval.out().contains(String.format("top1_spikes %.4f", (double) right / test.count())), eval.out());
    }

    private static Map<String, int[][]> train(String circuit) throws IOException {
        Path runs = temp.resolve("runs-" + circuit);
        CliRun run = CliRun.of("--plugin-path", plugins.toString(), "train", "--circuit", circuit, "--dataset",
                "mnist20-mini", "--train-samples", "300", "--test-samples", "100", "--epochs", "1", "--runs",
                runs.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(!run.out().contains("hidden layers"), "a circuit without hidden layers is not said to have any: "
                + run.out());
        if (circuit.equals("perceptron")) {
            assertTrue(run.out().contains("0 of 100 predictions differ"), run.out());
            assertTrue(run.out().contains("every weight copy agrees with its matrix; no population fired out of its phases"), run.out());
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return WeightsFile.readWeights(dirs.filter(Files::isDirectory).findFirst().orElseThrow()
                    .resolve("weights.npz"));
        }
    }
}
