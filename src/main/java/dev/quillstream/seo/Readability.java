package dev.quillstream.seo;

/**
 * Readability figures of a post's body.
 *
 * @param fleschReadingEase 0–100, higher is easier (60–70 is plain English)
 * @param longSentenceShare share of sentences over 20 words, 0–1
 * @param passiveShare share of sentences in the passive voice, 0–1
 * @param transitionShare share of sentences with a transition word, 0–1
 */
public record Readability(
        int words,
        int sentences,
        int paragraphs,
        double fleschReadingEase,
        double averageSentenceWords,
        double longSentenceShare,
        int longestParagraphWords,
        double passiveShare,
        double transitionShare) {}
