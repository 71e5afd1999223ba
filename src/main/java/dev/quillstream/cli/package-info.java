/** The command-line face of the jar: the same pipelines, run in-process, with progress on standard error. */
@NullMarked
@ApplicationModule(displayName = "CLI")
package dev.quillstream.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
