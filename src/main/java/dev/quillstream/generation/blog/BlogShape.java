package dev.quillstream.generation.blog;

/**
 * How big a post is: body sections, subtopics per section, FAQ questions and words per
 * subtopic, all derived from the requested length. The outline must honour it exactly.
 */
record BlogShape(int sections, int subtopics, int faqQuestions, int wordsPerSubtopic) {

    static final int MIN_SECTIONS = 4;
    static final int MAX_SECTIONS = 10;

    static BlogShape forWords(int targetWords) {
        int sections = Math.clamp(Math.round(targetWords / 320f), MIN_SECTIONS, MAX_SECTIONS);
        int subtopics = targetWords >= 2500 ? 3 : 2;
        // About a fifth of the words go to the introduction, conclusion and FAQ.
        int words = Math.max(60, Math.round(targetWords * 0.8f / (sections * subtopics)));
        return new BlogShape(sections, subtopics, 4, words);
    }
}
