/** One document model rendered to the formats people publish in (Markdown first). */
@NullMarked
@ApplicationModule(displayName = "Export")
package dev.quillstream.export;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
