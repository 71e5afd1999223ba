/** The documents Quillstream writes (blog posts, books): their model, storage as JSONB, listing and search. */
@NullMarked
@ApplicationModule(displayName = "Content")
package dev.quillstream.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
