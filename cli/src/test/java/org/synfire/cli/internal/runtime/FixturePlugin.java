package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds a plugin jar from the sources under {@code fixture-plugin/} in the test resources, as a
 * third party would: compiled against Synfire's modules, packed into a jar of its own.
 */
final class FixturePlugin {

    private FixturePlugin() {
    }

    /** Compiles the fixture plugin, contributing a backend with this id, into {@code jar}. */
    static Path build(String backendId, Path workDir, Path jar) throws IOException {
        Path sources = workDir.resolve("src");
        Path classes = workDir.resolve("classes");
        copySources(sources, backendId, "");
        compile(sources, classes, modulePath());
        pack(classes, jar);
        return jar;
    }

    /**
     * Compiles the fixture plugin so that it requires {@code module}, which is compiled beside it
     * but left out of the jar: a plugin whose dependency is missing at run time.
     */
    static Path buildRequiring(String module, Path workDir, Path jar) throws IOException {
        Path absentSources = Files.createDirectories(workDir.resolve("absent-src"));
        Files.writeString(absentSources.resolve("module-info.java"), "module " + module + " {}\n");
        Path absentClasses = workDir.resolve("absent-classes");
        compile(absentSources, absentClasses, modulePath());

        Path sources = workDir.resolve("src");
        Path classes = workDir.resolve("classes");
        copySources(sources, "fixture-backend", "requires " + module + ";");
        compile(sources, classes, modulePath() + java.io.File.pathSeparator + absentClasses);
        pack(classes, jar);
        return jar;
    }

    private static String modulePath() {
        return System.getProperty("jdk.module.path", System.getProperty("java.class.path"));
    }

    private static void compile(Path sources, Path classes, String modulePath) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--release", "21", "-d", classes.toString(), "--module-path", modulePath));
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

    private static void copySources(Path target, String backendId, String extraRequires) throws IOException {
        Path root = resource("fixture-plugin");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(root.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, Files.readString(file)
                        .replace("ID_PLACEHOLDER", backendId)
                        .replace("// REQUIRES_PLACEHOLDER", extraRequires));
            }
        }
    }

    private static void pack(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
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
