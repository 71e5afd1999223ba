package dev.quillstream.generation;

/**
 * A researched post was asked for, but research found nothing to ground it in (an empty library
 * and no search API, or no result for the topic). Writing it anyway would pass an unresearched
 * post off as researched, so nothing is written.
 */
public class NoSourcesFound extends GenerationFailed {

    public NoSourcesFound(String message) {
        super(message);
    }
}
