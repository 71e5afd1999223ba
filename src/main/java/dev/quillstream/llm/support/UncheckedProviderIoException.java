package dev.quillstream.llm.support;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A connection that failed or broke: refused, reset, closed mid-body. */
final class UncheckedProviderIoException extends UncheckedIOException {

    UncheckedProviderIoException(IOException cause) {
        super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
    }
}
