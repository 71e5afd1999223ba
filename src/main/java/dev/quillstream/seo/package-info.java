/**
 * What makes a post findable, measured: deterministic SEO checks, readability, a 0–100 score with
 * a fix hint per failed check, and the structured data (JSON-LD, Open Graph, Twitter) a page needs.
 */
@NullMarked
@ApplicationModule(displayName = "SEO")
package dev.quillstream.seo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
