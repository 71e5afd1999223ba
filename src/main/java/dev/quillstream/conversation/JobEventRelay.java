package dev.quillstream.conversation;

import dev.quillstream.jobs.JobEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Streams the events of jobs that belong to a conversation: progress and tokens as they happen,
 * the outcome as {@code job.completed} / {@code job.failed}, and a completed job's message as the
 * assistant's stored message. Runs on the job's thread, in the order the job published. Tokens and
 * progress do not wait for their append; the outcome does, and so (appends keep their order) it
 * returns only when every event of the job before it is in the log.
 */
@Component
class JobEventRelay {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobEventRelay.class);

    private final Conversations conversations;

    JobEventRelay(Conversations conversations) {
        this.conversations = conversations;
    }

    @EventListener
    void on(JobEvent event) {
        String conversation = event.conversationId();
        if (conversation == null) {
            return;
        }
        try {
            relay(conversation, event);
        } catch (RuntimeException e) {
            // The stream is for watching; a job must not fail because its watchers cannot be reached.
            log.warn(
                    "Could not stream an event of job {} to conversation {}: {}",
                    event.jobId(),
                    conversation,
                    e.toString());
        }
    }

    private void relay(String conversation, JobEvent event) {
        Instant now = Instant.now();
        switch (event) {
            case JobEvent.JobTokenProduced token ->
                conversations.stream(
                        conversation,
                        new ConversationEvent(
                                "token",
                                "assistant",
                                token.delta(),
                                now,
                                token.jobId(),
                                token.step(),
                                Map.of("part", token.part())));
            case JobEvent.JobProgressed progress -> {
                Map<String, Object> data = new LinkedHashMap<>(progress.data());
                data.put("percent", progress.percent());
                conversations.stream(
                        conversation,
                        new ConversationEvent("progress", "system", "", now, progress.jobId(), progress.step(), data));
            }
            case JobEvent.JobCompleted completed -> {
                if (completed.resultId() != null) {
                    conversations.produced(conversation, completed.resultId());
                }
                conversations.message(conversation, "assistant", completed.message(), completed.jobId());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("kind", completed.kind());
                if (completed.resultId() != null) {
                    data.put("result_id", completed.resultId().toString());
                }
                conversations.append(
                        conversation,
                        new ConversationEvent(
                                "job.completed", "system", completed.message(), now, completed.jobId(), null, data));
            }
            case JobEvent.JobFailed failed ->
                conversations.append(
                        conversation,
                        new ConversationEvent(
                                "job.failed",
                                "system",
                                failed.reason(),
                                now,
                                failed.jobId(),
                                null,
                                Map.of(
                                        "kind", failed.kind(),
                                        "will_retry", failed.willRetry(),
                                        "cancelled", failed.cancelled())));
        }
    }
}
