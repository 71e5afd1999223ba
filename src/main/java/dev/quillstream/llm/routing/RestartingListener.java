package dev.quillstream.llm.routing;

import dev.quillstream.llm.TokenListener;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The listener of one streamed request across all its attempts (retries, other providers). Before
 * each attempt the layer that starts it calls {@link #beginAttempt()}: if the previous attempt had
 * delivered deltas, the downstream listener is told to restart, so it never keeps half an answer
 * followed by a whole one. The same instance is passed down, so nested layers signal only once.
 */
public final class RestartingListener implements TokenListener {

    private final TokenListener downstream;
    private final AtomicBoolean delivered = new AtomicBoolean();

    private RestartingListener(TokenListener downstream) {
        this.downstream = downstream;
    }

    public static RestartingListener of(TokenListener listener) {
        return listener instanceof RestartingListener restarting ? restarting : new RestartingListener(listener);
    }

    public void beginAttempt() {
        if (delivered.getAndSet(false)) {
            downstream.onRestart();
        }
    }

    @Override
    public void onDelta(String delta) {
        delivered.set(true);
        downstream.onDelta(delta);
    }

    @Override
    public void onRestart() {
        delivered.set(false);
        downstream.onRestart();
    }
}
