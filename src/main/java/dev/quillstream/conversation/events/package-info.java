/**
 * The per-conversation event log: one sequence of events with a gap-free {@code seq}, live
 * delivery to subscribers on any node and replay after a given {@code seq}. Redis (a counter, a
 * capped Stream and a pub/sub channel per conversation, written by one script so the three always
 * agree) when {@code REDIS_URL} is set; memory otherwise (one node).
 */
@NullMarked
package dev.quillstream.conversation.events;

import org.jspecify.annotations.NullMarked;
