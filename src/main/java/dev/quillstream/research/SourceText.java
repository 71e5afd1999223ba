package dev.quillstream.research;

/**
 * The readable text of a result: its page's main text, or the library document, or — when that
 * could not be had — the snippet the source returned. The text is untrusted: it comes from
 * whoever wrote the page.
 *
 * @param fullText false when only the snippet was available
 */
public record SourceText(ResearchResult result, String text, boolean fullText) {}
