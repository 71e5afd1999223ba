/**
 * One document model ({@link dev.quillstream.export.ExportDocument}) rendered to Markdown, HTML,
 * DOCX, PDF and EPUB with sanitised model text, stored behind the {@link
 * dev.quillstream.export.BlobStore} port and handed out as signed, expiring download links.
 */
@NullMarked
@ApplicationModule(displayName = "Export")
package dev.quillstream.export;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
