/** Generations as durable jobs: the handlers the {@code jobs} module runs for blog posts and revisions. */
@NullMarked
package dev.quillstream.generation.job;

import org.jspecify.annotations.NullMarked;
