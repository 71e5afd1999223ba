/**
 * Publishing documents to WordPress, Medium and GitHub behind the {@link
 * dev.quillstream.publishing.Publisher} port; a repeat updates what the first call created.
 */
@NullMarked
@ApplicationModule(displayName = "Publishing")
package dev.quillstream.publishing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
