/** The writing pipelines (blog posts, books) as named steps over the {@code TextModel} port, with their prompts and validators. */
@NullMarked
@ApplicationModule(displayName = "Generation")
package dev.quillstream.generation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
