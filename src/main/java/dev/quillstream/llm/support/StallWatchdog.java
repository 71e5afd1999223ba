package dev.quillstream.llm.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Fails a response body that sends nothing for longer than the read timeout. The JDK client's
 * request timeout ends when the headers arrive; a provider that then stops mid-stream would block
 * the reading thread forever. Closing the JDK's body stream does not wake a blocked read, but an
 * interrupt does: the watchdog interrupts the reader, which sees an {@link IOException}; the
 * interrupt flag is cleared again when the stream is closed, so the caller's thread stays usable.
 */
final class StallWatchdog {

    private StallWatchdog() {}

    static WatchedStream watch(InputStream body, Duration idleLimit) {
        return new WatchedStream(body, idleLimit, Thread.currentThread());
    }

    static final class WatchedStream extends FilterInputStream {

        private final long idleLimitNanos;
        private final Thread reader;
        private final Thread watchdog;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean stalled;
        private volatile boolean closed;

        WatchedStream(InputStream body, Duration idleLimit, Thread reader) {
            super(body);
            this.idleLimitNanos = idleLimit.toNanos();
            this.reader = reader;
            this.watchdog = Thread.ofVirtual().name("llm-stream-watchdog").start(this::watch);
        }

        private void watch() {
            while (!closed) {
                long idle = System.nanoTime() - lastProgress;
                if (idle >= idleLimitNanos) {
                    synchronized (this) {
                        if (!closed) {
                            stalled = true;
                            reader.interrupt();
                        }
                    }
                    return;
                }
                LockSupport.parkNanos(idleLimitNanos - idle);
            }
        }

        boolean stalled() {
            return stalled;
        }

        @Override
        public int read() throws IOException {
            int b = guard(super.read());
            lastProgress = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = guard(super.read(buffer, offset, length));
            lastProgress = System.nanoTime();
            return n;
        }

        private int guard(int result) throws IOException {
            if (stalled) {
                throw new IOException("stream stalled");
            }
            return result;
        }

        @Override
        public void close() throws IOException {
            synchronized (this) {
                closed = true;
            }
            LockSupport.unpark(watchdog);
            try {
                super.close();
            } finally {
                if (stalled) {
                    // The watchdog's interrupt was for the read, not for whoever called us.
                    Thread.interrupted();
                }
            }
        }
    }
}
