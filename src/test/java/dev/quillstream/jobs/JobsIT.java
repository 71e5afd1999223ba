package dev.quillstream.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.QuillstreamApplication;
import dev.quillstream.testing.ApiClient;
import dev.quillstream.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Durable jobs against the real PostgreSQL: async API, checkpoints, takeover after a dead lease, retries, cancel. */
@SpringBootTest(
        classes = {QuillstreamApplication.class, JobsIT.Handlers.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "quillstream.bootstrap-api-key=" + JobsIT.KEY,
            "quillstream.jobs.retry-backoff=100ms",
            "quillstream.jobs.poll-interval=100ms",
            "quillstream.jobs.lease=2s",
            "quillstream.jobs.heartbeat=500ms"
        })
class JobsIT {

    static final String KEY = "qs_test_bootstrap_key_for_jobs_it";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "jobs");
    }

    @LocalServerPort
    int port;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Handlers handlers;

    ApiClient api;
    UUID owner;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port, KEY);
        owner = jdbc.sql("select account_id from api_keys limit 1")
                .query(UUID.class)
                .single();
    }

    @Test
    void anAsyncPostIsA202WithTheJobsLocationAndTheJobShowsItsResult() throws Exception {
        ApiClient.Response accepted = api.post("/api/v1/generate-blog", """
                {"topic":"Async job test","keywords":["jobs"],"async":true,"target_words":300}""");
        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).startsWith("/api/v1/jobs/");
        JsonNode job = awaitStatus(location, "completed");
        assertThat(job.path("kind").asString()).isEqualTo("blog");
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("usage").path("calls").asInt()).isPositive();
        String content = job.path("result_id").asString();
        JsonNode post = api.get("/api/v1/contents/" + content).json();
        assertThat(job.path("usage").path("calls").asInt())
                .isEqualTo(post.path("metadata").path("usage").path("calls").asInt());
        long ledger = jdbc.sql("select count(*) from usage_ledger where job_id = :job")
                .param("job", UUID.fromString(job.path("id").asString()))
                .query(Long.class)
                .single();
        assertThat(ledger).isPositive();
        assertThat(api.withKey(null).get(location).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/jobs/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverAfterItsLeaseAndResumesFromItsCheckpoint() throws Exception {
        UUID id = UUID.randomUUID();
        // As a worker that checkpointed step 2 of 4 and then died would have left it.
        jdbc.sql("""
                        insert into jobs (id, kind, owner_id, status, payload, checkpoint, step, progress, attempts,
                            max_attempts, lease_owner, lease_until)
                        values (:id, 'test.steps', :owner, 'running', '{"steps":4}', '{"done":2}', 'step-2', 50, 1, 3,
                            'dead-node', now() + interval '1 second')""").param("id", id).param("owner", owner).update();
        JsonNode job = awaitStatus("/api/v1/jobs/" + id, "completed");
        assertThat(job.path("attempts").asInt()).isEqualTo(2);
        // Steps 1 and 2 were not run again: only 3 and 4.
        assertThat(handlers.stepsRun(id)).containsExactly(3, 4);
    }

    @Test
    void aFailingJobIsRetriedWithBackoffThenFailsWithItsReasonAndCanBeRetriedByApi() throws Exception {
        Job failing = jobs.enqueue(new NewJob("test.flaky", owner, null, JSON.readTree("{\"failures\":3}")));
        JsonNode failed = awaitStatus("/api/v1/jobs/" + failing.id(), "failed");
        assertThat(failed.path("attempts").asInt()).isEqualTo(3);
        assertThat(failed.path("error").asString()).contains("flaky failure 3");
        assertThat(api.post("/api/v1/jobs/" + failing.id() + "/cancel", "{}").status())
                .isEqualTo(409);

        ApiClient.Response retried = api.post("/api/v1/jobs/" + failing.id() + "/retry", "{}");
        assertThat(retried.status()).isEqualTo(200);
        JsonNode completed = awaitStatus("/api/v1/jobs/" + failing.id(), "completed");
        assertThat(completed.path("error").isNull()).isTrue();
    }

    @Test
    void cancelStopsARunningJobPromptly() throws Exception {
        Job slow = jobs.enqueue(new NewJob("test.slow", owner, null, JSON.createObjectNode()));
        awaitStatus("/api/v1/jobs/" + slow.id(), "running");
        long started = System.nanoTime();
        ApiClient.Response cancel = api.post("/api/v1/jobs/" + slow.id() + "/cancel", "{}");
        assertThat(cancel.status()).isEqualTo(200);
        JsonNode cancelled = awaitStatus("/api/v1/jobs/" + slow.id(), "cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(cancelled.path("cancel_requested").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/jobs/" + slow.id() + "/retry", "{}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/jobs/" + slow.id() + "/cancel", "{}").status())
                .isEqualTo(200);
    }

    private JsonNode awaitStatus(String location, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = api.get(location).json();
            if (status.equals(job.path("status").asString())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not become " + status + ": " + job);
    }

    /** Job kinds that exercise the machinery without a model. */
    @TestConfiguration
    static class Handlers {

        final Map<UUID, List<Integer>> steps = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger flakyRuns = new AtomicInteger();

        List<Integer> stepsRun(UUID job) {
            return steps.getOrDefault(job, List.of());
        }

        @Bean
        JobHandler stepsHandler() {
            return new JobHandler() {
                @Override
                public String kind() {
                    return "test.steps";
                }

                @Override
                public JobOutcome run(JobContext job) {
                    int total = job.payload().path("steps").asInt();
                    int done = job.lastCheckpoint()
                            .map(s -> s.path("done").asInt())
                            .orElse(0);
                    for (int step = done + 1; step <= total; step++) {
                        steps.computeIfAbsent(job.jobId(), id -> new CopyOnWriteArrayList<>())
                                .add(step);
                        ObjectNode state = JSON.createObjectNode().put("done", step);
                        job.checkpoint("step-" + step, 100 * step / total, state, null);
                    }
                    return new JobOutcome(null, "done");
                }
            };
        }

        @Bean
        JobHandler flakyHandler() {
            return new JobHandler() {
                @Override
                public String kind() {
                    return "test.flaky";
                }

                @Override
                public JobOutcome run(JobContext job) {
                    int run = flakyRuns.incrementAndGet();
                    if (run <= job.payload().path("failures").asInt()) {
                        throw new IllegalStateException("flaky failure " + run);
                    }
                    return new JobOutcome(null, "done at last");
                }
            };
        }

        @Bean
        JobHandler slowHandler() {
            return new JobHandler() {
                @Override
                public String kind() {
                    return "test.slow";
                }

                @Override
                public JobOutcome run(JobContext job) throws InterruptedException {
                    for (int i = 0; i < 600; i++) {
                        job.throwIfCancelled();
                        Thread.sleep(100);
                    }
                    return new JobOutcome(null, "slept a minute");
                }
            };
        }
    }
}
