package io.jsnooper.agent.output;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A trace file, appended to. Created with its parent folders and readable by its owner only (a
 * trace holds variable values). Each write is one system call of whole lines on a file opened with
 * {@code O_APPEND}, which the kernel keeps whole against other writes: threads write side by side
 * instead of queueing behind one lock (a thread descheduled inside {@code write(2)} would
 * otherwise stall every other traced thread). With a size limit, the file rotates before a write
 * would pass it: {@code trace.log} becomes {@code trace.log.1}, {@code .1} becomes {@code .2}, and
 * the oldest beyond {@code maxFiles} is deleted; only rotation excludes writers.
 *
 * <p>Before each write it checks that the path still names the file it opened: when another process
 * moved it away (logrotate without {@code copytruncate}) or deleted it or its folder, lines would
 * go on into a file nobody can find, or into no file at all. It then opens a new one at the path,
 * folders included, and says so once. A write is a chunk of lines (a full buffer, or what a thread
 * wrote in the last {@value Sinks#FLUSH_INTERVAL_MS} ms), so the check costs one {@code stat} per
 * chunk.
 */
final class FileSink extends TraceSink {

    private final Path path;
    private final TraceSink fallback;
    private final long maxSize;
    private final int maxFiles;
    /** Writers share it; rotation takes it alone. */
    private final ReadWriteLock rotation = new ReentrantReadWriteLock();
    private final AtomicLong size;
    private volatile FileOutputStream out;
    /** The identity (device and inode) of the file {@link #out} writes; null where the file system has none. */
    private volatile Object openedKey;
    private volatile boolean failed;

    private FileSink(int id, Path path, FileOutputStream out, TraceSink fallback, long maxSize, int maxFiles)
            throws IOException {
        super(id, path.toString());
        this.path = path;
        this.out = out;
        this.fallback = fallback;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        this.size = new AtomicLong(out.getChannel().size());
        this.openedKey = keyOf(path);
    }

    /** Opens {@code path} for appending (or truncated), or throws with the reason. */
    static FileSink open(int id, Path path, TraceSink fallback, boolean truncate) throws IOException {
        return open(id, path, fallback, truncate, 0, 1);
    }

    static FileSink open(int id, Path path, TraceSink fallback, boolean truncate, long maxSize, int maxFiles)
            throws IOException {
        Path absolute = path.toAbsolutePath();
        if (truncate) {
            openStream(absolute, false).close(); // then append: every write goes to the end
        }
        return new FileSink(id, absolute, openStream(absolute, true), fallback, maxSize, maxFiles);
    }

    private static FileOutputStream openStream(Path absolute, boolean append) throws IOException {
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException | UnsupportedOperationException e) {
            // appending to an existing file, or a file system without POSIX permissions
        }
        return new FileOutputStream(absolute.toFile(), append);
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (!failed) {
            try {
                if (maxSize > 0 && size.get() + length > maxSize && size.get() > 0) {
                    rotate(length);
                }
                Object opened = openedKey;
                if (opened != null && !opened.equals(keyOf(path))) {
                    reopen();
                }
                rotation.readLock().lock();
                try {
                    out.write(bytes, offset, length);
                    size.addAndGet(length);
                } finally {
                    rotation.readLock().unlock();
                }
                return;
            } catch (IOException e) {
                fail(e);
            }
        }
        fallback.write(bytes, offset, length);
    }

    private synchronized void fail(IOException e) {
        if (!failed) {
            failed = true;
            Diagnostics.warn("cannot write the trace to " + path + " (" + e.getMessage()
                    + "); the trace goes to stderr from now on");
        }
    }

    /** The path names another file than the one open, or none: a new file at the path. */
    private void reopen() throws IOException {
        rotation.writeLock().lock();
        try {
            Object opened = openedKey;
            if (opened == null || opened.equals(keyOf(path))) {
                return; // another writer reopened it first
            }
            out.close();
            out = openStream(path, true);
            openedKey = keyOf(path);
            size.set(out.getChannel().size());
        } finally {
            rotation.writeLock().unlock();
        }
        Diagnostics.warnOnce("moved:" + path, "the trace file " + path + " was moved or deleted by another"
                + " process; the trace goes on in a new " + path);
    }

    /** Device and inode of the file {@code path} names now; null if there is none. */
    private static Object keyOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private void rotate(int length) throws IOException {
        rotation.writeLock().lock();
        try {
            if (size.get() + length <= maxSize || size.get() == 0) {
                return; // another writer rotated first
            }
            out.close();
            Files.deleteIfExists(numbered(maxFiles));
            for (int i = maxFiles - 1; i >= 1; i--) {
                Path from = numbered(i);
                if (Files.exists(from)) {
                    Files.move(from, numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(path, numbered(1), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(numbered(maxFiles + 1));
            out = openStream(path, true);
            openedKey = keyOf(path);
            size.set(0);
        } finally {
            rotation.writeLock().unlock();
        }
    }

    private Path numbered(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }
}
