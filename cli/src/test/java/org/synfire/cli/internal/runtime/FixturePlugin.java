package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;

/**
 * Builds a plugin jar from the sources under {@code fixture-plugin/} in the test resources, as a
 * third party would: compiled against Synfire's modules, packed into a jar of its own. By default a
 * module {@code org.synfire.fixture} that provides one backend, {@code FixtureBackend}, from a package
 * it does not export; the methods below change it into the ways plugins go wrong.
 */
final class FixturePlugin {

    private static final String PROVIDES_BACKEND =
            "provides org.synfire.chip.api.spi.ChipBackend with org.synfire.fixture.FixtureBackend;";

    private final String backendId;
    private String module = "org.synfire.fixture";
    private final List<String> requires = new ArrayList<>();
    private final List<String> absentModules = new ArrayList<>();
    private final List<String> javacOptions = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private String implementing = "";
    private String staticInitialiser = "";
    private String constructor = "";
    private String identityCode = "";
    private String descriptionCode = "";
    private String members = "";
    private String openCode = "";
    private final List<Consumer<ZipOutputStream>> extraEntries = new ArrayList<>();
    private boolean guiceModule;
    private boolean providesNothing;
    private boolean circuit;
    private String circuitMembers = "";
    private String needsBackendCode = "";

    private FixturePlugin(String backendId) {
        this.backendId = backendId;
    }

    /** A plugin providing a backend that reports this id. */
    static FixturePlugin backend(String backendId) {
        return new FixturePlugin(backendId);
    }

    /**
     * A plugin providing a circuit, {@code FixtureCircuit}, that reports this id (and no backend): by default the chip
     * model of the circuit of that id, needing a backend.
     */
    static FixturePlugin circuit(String circuitId) {
        FixturePlugin plugin = new FixturePlugin(circuitId);
        plugin.circuit = true;
        return plugin;
    }

    /** Fields and methods added to the circuit's class (e.g. its own {@code circuit()} or {@code model()}). */
    FixturePlugin circuitMembers(String code) {
        circuitMembers = code;
        return this;
    }

    /** Code at the start of the circuit's {@code needsBackend()}, which otherwise returns true. */
    FixturePlugin needsBackend(String code) {
        needsBackendCode = code;
        return this;
    }

    /** Compiles the fixture plugin, contributing a backend with this id, into {@code jar}. */
    static Path build(String backendId, Path workDir, Path jar) throws IOException {
        return backend(backendId).build(workDir, jar);
    }

    /**
     * Compiles the fixture plugin so that it requires {@code module}, which is compiled beside it
     * but left out of the jar: a plugin whose dependency is missing at run time.
     */
    static Path buildRequiring(String module, Path workDir, Path jar) throws IOException {
        return backend("fixture-backend").requiringAbsent(module).build(workDir, jar);
    }

    /** Names the plugin's module. */
    FixturePlugin module(String name) {
        this.module = name;
        return this;
    }

    /** Requires a module that is there at compile time but not at run time. */
    FixturePlugin requiringAbsent(String name) {
        absentModules.add(name);
        requires.add(name);
        return this;
    }

    /** Requires a module (one of Synfire's, say). */
    FixturePlugin requiring(String name) {
        requires.add(name);
        return this;
    }

    /** Passes options to javac (e.g. {@code --add-exports}, to compile against a package not exported). */
    FixturePlugin javac(String... options) {
        javacOptions.addAll(List.of(options));
        return this;
    }

    /** Has the backend also implement {@code Marker}, and leaves {@code Marker} out of the jar. */
    FixturePlugin implementingAMissingInterface() {
        implementing = ", Marker";
        leftOut.add("org/synfire/fixture/Marker.class");
        return this;
    }

    /** Code for the backend's static initialiser. */
    FixturePlugin staticInitialiser(String code) {
        staticInitialiser = code;
        return this;
    }

    /** Code for the backend's constructor. */
    FixturePlugin constructor(String code) {
        constructor = code;
        return this;
    }

    /** Code at the start of the backend's {@code id()}. */
    FixturePlugin identity(String code) {
        identityCode = code;
        return this;
    }

    /** Code at the start of the backend's {@code description()}. */
    FixturePlugin description(String code) {
        descriptionCode = code;
        return this;
    }

    /** Code at the start of the backend's {@code open(Network, RunOptions)}. */
    FixturePlugin open(String code) {
        openCode = code;
        return this;
    }

    /** Fields and methods added to the backend's class. */
    FixturePlugin members(String code) {
        members = code;
        return this;
    }

    /** Writes more entries into the jar, after the classes. */
    FixturePlugin withEntries(Consumer<ZipOutputStream> writer) {
        extraEntries.add(writer);
        return this;
    }

    /** Also declares a Guice module that binds the backend with {@code .to(FixtureBackend.class)}, as plugins used to. */
    FixturePlugin withGuiceModule() {
        guiceModule = true;
        requires.add("com.google.guice");
        return this;
    }

    /** Leaves out the module's {@code provides} line: a jar that contributes nothing. */
    FixturePlugin providingNothing() {
        providesNothing = true;
        return this;
    }

    /** Compiles the plugin into {@code jar}. */
    Path build(Path workDir, Path jar) throws IOException {
        String modulePath = modulePath();
        for (String absent : absentModules) {
            Path absentSources = Files.createDirectories(workDir.resolve("absent-src-" + absent));
            Files.writeString(absentSources.resolve("module-info.java"), "module " + absent + " {}\n");
            Path absentClasses = workDir.resolve("absent-classes-" + absent);
            compile(absentSources, absentClasses, modulePath, List.of());
            modulePath += File.pathSeparator + absentClasses;
        }
        Path sources = workDir.resolve("src");
        Path classes = workDir.resolve("classes");
        copySources(sources);
        compile(sources, classes, modulePath, javacOptions);
        pack(classes, jar);
        return jar;
    }

    private static String modulePath() {
        return System.getProperty("jdk.module.path", System.getProperty("java.class.path"));
    }

    private static void compile(Path sources, Path classes, String modulePath, List<String> options)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--release", "21", "-d", classes.toString(), "--module-path", modulePath));
        args.addAll(options);
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
        }
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("tests need a JDK with javac"));
        StringWriter diagnostics = new StringWriter();
        PrintWriter out = new PrintWriter(diagnostics);
        int status = javac.run(out, out, args.toArray(String[]::new));
        assertEquals(0, status, "fixture did not compile:\n" + diagnostics);
    }

    private void copySources(Path target) throws IOException {
        Path root = resource("fixture-plugin");
        StringBuilder requiresLines = new StringBuilder();
        requires.forEach(r -> requiresLines.append("requires ").append(r).append("; "));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!guiceModule && file.getFileName().toString().equals("FixtureModule.java")
                        || !circuit && file.getFileName().toString().equals("FixtureCircuit.java")) {
                    continue;
                }
                Path copy = target.resolve(root.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, Files.readString(file)
                        .replace(providesNothing || circuit ? PROVIDES_BACKEND : "\0", providesNothing ? ""
                                : "provides org.synfire.chip.api.spi.CircuitProvider with org.synfire.fixture.FixtureCircuit;")
                        .replace("MODULE_PLACEHOLDER", module)
                        .replace("ID_PLACEHOLDER", backendId)
                        .replace("// REQUIRES_PLACEHOLDER", requiresLines)
                        .replace("// PROVIDES_PLACEHOLDER", guiceModule
                                ? "provides com.google.inject.Module with org.synfire.fixture.FixtureModule;" : "")
                        .replace("/* IMPLEMENTS_PLACEHOLDER */", implementing)
                        .replace("// STATIC_PLACEHOLDER", staticInitialiser)
                        .replace("// CONSTRUCTOR_PLACEHOLDER", constructor)
                        .replace("// IDENTITY_CODE", identityCode)
                        .replace("// DESCRIPTION_CODE", descriptionCode)
                        .replace("// MEMBERS_PLACEHOLDER", members)
                        .replace("// OPEN_CODE", openCode)
                        .replace("// CIRCUIT_MEMBERS", circuitMembers)
                        .replace("// NEEDS_BACKEND_CODE", needsBackendCode));
            }
        }
    }

    private void pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (leftOut.contains(name)) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            extraEntries.forEach(writer -> writer.accept(zip));
        }
    }

    private static Path resource(String name) {
        URL url = FixturePlugin.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
