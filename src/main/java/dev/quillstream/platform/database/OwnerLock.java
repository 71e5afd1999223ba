package dev.quillstream.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Who owns an embedded database directory: the Quillstream holding an OS lock on the file beside it
 * ({@code postgres.lock} next to {@code postgres/}: initdb wants the directory itself empty). The
 * operating system drops the lock when the process dies, however it dies, so a lock that can be
 * taken proves no live Quillstream uses the directory.
 */
final class OwnerLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OwnerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory's lock, or says plainly that another Quillstream has it. */
    static OwnerLock take(Path directory) {
        Path file = directory.resolveSibling(directory.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new OwnerLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this very JVM: the same answer as another process holding it
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("could not lock " + file, e);
        }
        closeQuietly(channel);
        throw new IllegalStateException("the embedded PostgreSQL in " + directory.toAbsolutePath()
                + " is in use by another Quillstream; stop it, or give this one its own QUILLSTREAM_DATA_DIR");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }
}
