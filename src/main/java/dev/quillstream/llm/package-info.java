/** Text generation behind one port, {@link dev.quillstream.llm.TextModel}, whatever provider answers. */
@NullMarked
@ApplicationModule(displayName = "LLM")
package dev.quillstream.llm;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
