/**
 * Conversations: a user's messages about a piece of content (kept in PostgreSQL for 30 days after
 * the last activity), and the conversation's event stream — messages, tokens, progress, job
 * outcomes, each with a per-conversation {@code seq} — live over {@code /ws/conversation/{id}} and
 * replayable from any {@code seq} still in the log.
 */
@NullMarked
@ApplicationModule(displayName = "Conversation")
package dev.quillstream.conversation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
