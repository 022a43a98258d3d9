package io.jsnooper.agent.output;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A trace file, appended to. Created with its parent folders and readable by its owner only (a
 * trace holds variable values). Each write is one system call of whole lines. With a size limit,
 * the file rotates before a write would pass it: {@code trace.log} becomes {@code trace.log.1},
 * {@code .1} becomes {@code .2}, and the oldest beyond {@code maxFiles} is deleted.
 */
final class FileSink extends TraceSink {

    private final Path path;
    private final TraceSink fallback;
    private final long maxSize;
    private final int maxFiles;
    private FileOutputStream out;
    private long size;
    private boolean failed;

    private FileSink(int id, Path path, FileOutputStream out, TraceSink fallback, long maxSize, int maxFiles)
            throws IOException {
        super(id, path.toString());
        this.path = path;
        this.out = out;
        this.fallback = fallback;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        this.size = out.getChannel().size();
    }

    /** Opens {@code path} for appending (or truncated), or throws with the reason. */
    static FileSink open(int id, Path path, TraceSink fallback, boolean truncate) throws IOException {
        return open(id, path, fallback, truncate, 0, 1);
    }

    static FileSink open(int id, Path path, TraceSink fallback, boolean truncate, long maxSize, int maxFiles)
            throws IOException {
        Path absolute = path.toAbsolutePath();
        return new FileSink(id, absolute, openStream(absolute, !truncate), fallback, maxSize, maxFiles);
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
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (!failed) {
            try {
                if (maxSize > 0 && size > 0 && size + length > maxSize) {
                    rotate();
                }
                out.write(bytes, offset, length);
                size += length;
                return;
            } catch (IOException e) {
                failed = true;
                Diagnostics.warn("cannot write the trace to " + path + " (" + e.getMessage()
                        + "); the trace goes to stderr from now on");
            }
        }
        fallback.write(bytes, offset, length);
    }

    private void rotate() throws IOException {
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
        out = openStream(path, false);
        size = 0;
    }

    private Path numbered(int n) {
        return path.resolveSibling(path.getFileName() + "." + n);
    }
}
