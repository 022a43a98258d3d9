package io.jsnooper.agent.output;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A trace file, appended to. Created with its parent folders and readable by its owner only (a
 * trace holds variable values). Each write is one system call of whole lines.
 */
final class FileSink extends TraceSink {

    private final Path path;
    private final FileOutputStream out;
    private final TraceSink fallback;
    private boolean failed;

    private FileSink(int id, Path path, FileOutputStream out, TraceSink fallback) {
        super(id, path.toString());
        this.path = path;
        this.out = out;
        this.fallback = fallback;
    }

    /** Opens {@code path} for appending (or truncated), or throws with the reason. */
    static FileSink open(int id, Path path, TraceSink fallback, boolean truncate) throws IOException {
        Path absolute = path.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException | UnsupportedOperationException e) {
            // appending to an existing file, or a file system without POSIX permissions
        }
        return new FileSink(id, absolute, new FileOutputStream(absolute.toFile(), !truncate), fallback);
    }

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (!failed) {
            try {
                out.write(bytes, offset, length);
                return;
            } catch (IOException e) {
                failed = true;
                Diagnostics.warn("cannot write the trace to " + path + " (" + e.getMessage()
                        + "); the trace goes to stderr from now on");
            }
        }
        fallback.write(bytes, offset, length);
    }
}
