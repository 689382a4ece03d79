package org.synfire.cli.internal.runtime;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.synfire.datasets.DataLimits;

/**
 * A plugin jar read once, with size caps, before the module finder and the class loader see it: the zip
 * directory, the number of entries and every entry's inflated bytes are bounded (so a zip bomb is refused
 * after reading about 100 times the jar's size, never gigabytes), and every class file's constant pool is
 * read for the calls that would end or hold up the command: {@code System.exit}, {@code Runtime.exit},
 * {@code Runtime.halt} and {@code Runtime.addShutdownHook}. A jar that fails any check is refused as a whole.
 *
 * <p>The checks read what the JVM will read: the entries of the zip's central directory, which
 * {@link ZipFile}, the module finder and the class loader all go by, and every {@code .class} entry,
 * versioned ones under {@code META-INF/versions} included. What they cannot see is said in
 * docs/architecture.md ("Plugin layers"): calls made by reflection or method handles built from names,
 * native code, and a jar changed after it was checked.
 */
final class PluginArchive {

    /** The most entries a plugin jar may hold (a plugin is one module; its classes and resources). */
    static final int MAX_ENTRIES = 20_000;
    /** The largest zip directory read, in bytes: about 800 bytes per entry at {@link #MAX_ENTRIES}. */
    static final long MAX_DIRECTORY_BYTES = 16L << 20;
    /** The most bytes a plugin jar may inflate to, all entries together: the memory budget, 512 MiB. */
    static final long MAX_INFLATED_BYTES = DataLimits.MAX_DATA_BYTES;
    /** The largest ratio of inflated bytes to the jar's size, past {@link #RATIO_GRACE_BYTES}: class files
     *  deflate by 2 to 4, deflate itself reaches about 1,000 on zeros. */
    static final int MAX_RATIO = DataLimits.MAX_NPZ_RATIO;
    /** Inflated bytes allowed before {@link #MAX_RATIO} applies: 16 MiB. */
    static final long RATIO_GRACE_BYTES = DataLimits.NPZ_RATIO_GRACE_BYTES;

    /** The most bytes one class file, or one file under {@code META-INF/}, may inflate to: the JVM reads each whole
     *  (the module finder its module-info and manifest, the class loader a class); classes take kilobytes. */
    static final long MAX_ENTRY_BYTES = 16L << 20;

    /** A method a plugin may not call, as its constant pool names it (internal class name, method name). */
    private record Forbidden(String owner, String method, String why) {

        String inJava() {
            return owner.substring(owner.lastIndexOf('/') + 1) + "." + method;
        }
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden("java/lang/System", "exit", "which would end the command"),
            new Forbidden("java/lang/Runtime", "exit", "which would end the command"),
            new Forbidden("java/lang/Runtime", "halt", "which would end the command"),
            new Forbidden("java/lang/Runtime", "addShutdownHook", "whose hook could hold the command up as it ends"));

    /** The names the constant pool scan looks for, as bytes (ASCII, so modified UTF-8 is the same). */
    private static final byte[][] NAMES;

    static {
        List<String> names = FORBIDDEN.stream().flatMap(f -> java.util.stream.Stream.of(f.owner(), f.method()))
                .distinct().toList();
        NAMES = names.stream().map(n -> n.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    private final Path jar;
    private final long jarBytes;
    private long inflated;
    /** One Utf8 constant at a time (at most 65,535 bytes). */
    private final byte[] text = new byte[0xFFFF];

    private PluginArchive(Path jar, long jarBytes) {
        this.jar = jar;
        this.jarBytes = jarBytes;
    }

    /**
     * Checks a plugin jar.
     *
     * @throws PluginException saying in words which cap it passes or which forbidden call which class makes
     */
    static void check(Path jar) throws PluginException {
        try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
            long size = channel.size();
            checkDirectory(channel, size);
            new PluginArchive(jar, size).readEntries();
        } catch (IOException e) {
            throw new PluginException("not a jar that can be read (" + Providers.plain(e) + ")");
        }
    }

    /**
     * Reads the end record of the zip (and its ZIP64 form) for the number of entries and the size of the
     * directory, which {@link ZipFile} would otherwise read into memory whatever they are.
     */
    private static void checkDirectory(FileChannel channel, long size) throws IOException, PluginException {
        int tailLength = (int) Math.min(size, 22 + 0xFFFF);
        ByteBuffer tail = read(channel, size - tailLength, tailLength);
        int end = -1;
        for (int i = tailLength - 22; i >= 0; i--) {
            if (tail.getInt(i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IOException("it has no zip directory");
        }
        long entries = tail.getShort(end + 10) & 0xFFFF;
        long directoryBytes = tail.getInt(end + 12) & 0xFFFFFFFFL;
        if ((entries == 0xFFFF || directoryBytes == 0xFFFFFFFFL) && end >= 20 && tail.getInt(end - 20) == 0x07064b50) {
            long record = tail.getLong(end - 20 + 8);
            if (record < 0 || record > size - 56) {
                throw new IOException("its ZIP64 end record lies outside the file");
            }
            ByteBuffer zip64 = read(channel, record, 56);
            if (zip64.getInt(0) != 0x06064b50) {
                throw new IOException("its ZIP64 end record is damaged");
            }
            entries = zip64.getLong(32);
            directoryBytes = zip64.getLong(40);
        }
        if (entries < 0 || entries > MAX_ENTRIES) {
            throw new PluginException("its zip directory declares " + Long.toUnsignedString(entries) + " entries; a plugin"
                    + " jar may hold at most " + MAX_ENTRIES);
        }
        if (directoryBytes < 0 || directoryBytes > MAX_DIRECTORY_BYTES) {
            throw new PluginException("its zip directory declares " + Long.toUnsignedString(directoryBytes) + " bytes; a"
                    + " plugin jar's directory may take at most " + MAX_DIRECTORY_BYTES + " bytes (16 MiB)");
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file ends inside its zip directory");
            }
        }
        return buffer.flip();
    }

    private void readEntries() throws IOException, PluginException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // the directory may say fewer entries in its end record than it holds
            if (zip.size() > MAX_ENTRIES) {
                throw new PluginException("it holds " + zip.size() + " entries; a plugin jar may hold at most " + MAX_ENTRIES);
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                long declared = entry.getSize();
                boolean readWhole = entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/");
                if (readWhole && declared > MAX_ENTRY_BYTES) {
                    throw new PluginException(entryTooLarge(entry.getName(), "declares " + declared + " bytes"));
                }
                if (declared > MAX_INFLATED_BYTES - inflated) {
                    throw new PluginException("its entry '" + entry.getName() + "' declares " + declared + " bytes; a"
                            + " plugin jar may inflate to at most " + MAX_INFLATED_BYTES + " bytes (512 MiB) in all");
                }
                try (InputStream in = new Capped(zip.getInputStream(entry), entry.getName(),
                        readWhole ? MAX_ENTRY_BYTES : Long.MAX_VALUE)) {
                    if (entry.getName().endsWith(".class")) {
                        scanClass(new DataInputStream(in), entry.getName());
                    }
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (CapException e) {
            throw new PluginException(e.getMessage());
        }
    }

    private static String entryTooLarge(String name, String what) {
        return "its entry '" + name + "' " + what + "; a class file or a file under META-INF/ may take at"
                + " most " + MAX_ENTRY_BYTES + " bytes (16 MiB)";
    }

    /** A refusal raised inside a stream, where only IOExceptions pass. */
    private static final class CapException extends IOException {

        private static final long serialVersionUID = 1L;

        CapException(String message) {
            super(message);
        }
    }

    /** An entry's stream that counts every inflated byte against the jar's caps. */
    private final class Capped extends FilterInputStream {

        private final String name;
        private final long entryCap;
        private long entryBytes;

        Capped(InputStream in, String name, long entryCap) {
            super(in);
            this.name = name;
            this.entryCap = entryCap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // read, not skipped: a skip over deflated data inflates it all the same, uncounted
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        private void count(int n) throws CapException {
            entryBytes += n;
            if (entryBytes > entryCap) {
                throw new CapException(entryTooLarge(name, "inflates to more than " + entryCap + " bytes"));
            }
            inflated += n;
            if (inflated > MAX_INFLATED_BYTES) {
                throw new CapException("it inflates to more than " + MAX_INFLATED_BYTES + " bytes (512 MiB; at entry '"
                        + name + "'); a plugin jar may inflate to at most that");
            }
            if (inflated > RATIO_GRACE_BYTES && inflated > (long) MAX_RATIO * jarBytes) {
                throw new CapException("it inflates to more than " + MAX_RATIO + " times its size of " + jarBytes
                        + " bytes (at entry '" + name + "'; a zip bomb?); a plugin jar may inflate to at most "
                        + MAX_RATIO + " times its size past " + RATIO_GRACE_BYTES + " bytes (16 MiB)");
            }
        }
    }

    /**
     * Reads a class file's constant pool (JVMS 4.4) and refuses a method reference to one of the
     * {@link #FORBIDDEN} methods. A method handle or a lambda ({@code System::exit}) refers to the same
     * method references, so they are caught too. Only indices are kept: a few int arrays per class.
     */
    private void scanClass(DataInputStream in, String entry) throws IOException, PluginException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new PluginException("its entry '" + entry + "' is not a class file; a plugin jar's .class entries"
                    + " must be class files");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        int[] name = new int[count]; // for a Utf8 entry: 1 + the index in NAMES of the name it is, else 0
        int[] first = new int[count]; // Class: its name; NameAndType: its name; Methodref: its class
        int[] second = new int[count]; // Methodref: its NameAndType
        byte[] tag = new byte[count];
        for (int i = 1; i < count; i++) {
            int t = in.readUnsignedByte();
            tag[i] = (byte) t;
            switch (t) {
                case 1 -> { // Utf8
                    int length = in.readUnsignedShort();
                    in.readFully(text, 0, length);
                    for (int n = 0; n < NAMES.length; n++) {
                        if (Arrays.equals(text, 0, length, NAMES[n], 0, NAMES[n].length)) {
                            name[i] = n + 1;
                        }
                    }
                }
                case 3, 4 -> in.readInt(); // Integer, Float
                case 5, 6 -> { // Long, Double take two entries
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort(); // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12, 17, 18 -> { // Fieldref, Methodref, InterfaceMethodref, NameAndType, (Invoke)Dynamic
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 15 -> { // MethodHandle: its reference is a Methodref, checked as such
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new PluginException("its class file '" + entry + "' cannot be checked: constant "
                        + i + " has the unknown tag " + t);
            }
        }
        for (int i = 1; i < count; i++) {
            if (tag[i] != 10 && tag[i] != 11) {
                continue;
            }
            String owner = nameOf(first[i], 7, tag, first, name);
            String method = nameOf(second[i], 12, tag, first, name);
            for (Forbidden f : FORBIDDEN) {
                if (f.owner().equals(owner) && f.method().equals(method)) {
                    throw new PluginException("its class " + className(entry) + " calls " + f.inJava() + ", " + f.why()
                            + "; a plugin may not end the command (System.exit, Runtime.exit, Runtime.halt) or add"
                            + " shutdown hooks: it reports a failure by throwing an exception");
                }
            }
        }
    }

    /** The forbidden name a Class or NameAndType entry refers to, or null. */
    private static String nameOf(int index, int expectedTag, byte[] tag, int[] first, int[] name) {
        if (index <= 0 || index >= tag.length || tag[index] != expectedTag) {
            return null;
        }
        int utf8 = first[index];
        if (utf8 <= 0 || utf8 >= tag.length || tag[utf8] != 1 || name[utf8] == 0) {
            return null;
        }
        return new String(NAMES[name[utf8] - 1], StandardCharsets.US_ASCII);
    }

    /** {@code META-INF/versions/21/org/x/Y.class} as {@code org.x.Y}. */
    private static String className(String entry) {
        String path = entry.replaceFirst("^META-INF/versions/[0-9]+/", "");
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
