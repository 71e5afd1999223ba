/** Grounding a post in research: numbered sources and their passages, fenced as data; citations validated and renumbered; references. */
@NullMarked
package dev.quillstream.generation.grounding;

import org.jspecify.annotations.NullMarked;
