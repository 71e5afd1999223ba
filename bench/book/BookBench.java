import dev.quillstream.content.Book;
import dev.quillstream.generation.BookCheckpoints;
import dev.quillstream.generation.BookKind;
import dev.quillstream.generation.BookRequest;
import dev.quillstream.generation.GenerationListener;
import dev.quillstream.generation.book.BookPipeline;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.offline.OfflineTextModel;
import dev.quillstream.llm.routing.GuardedProvider;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A 20-chapter x 5-section book on the offline model with simulated latency, through the same
 * concurrency guard (a Resilience4j bulkhead in GuardedProvider) a real provider has. Measures wall
 * time, model calls, sequential call rounds (the longest chain of calls that did not overlap in time:
 * the critical path) and the peak of calls in flight at the provider against its configured limit.
 * Run by bench/book/run.sh after a package; nothing is asserted except the limit.
 *
 * Arguments: runs (default 3), latency in ms (default 100), provider limit (default 4),
 * pipeline parallelism (default 8).
 */
public class BookBench {

    /** Sits between the guard and the model: sees exactly what the provider would see. */
    static final class Probe implements TextModel {
        final TextModel delegate;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final List<long[]> intervals = new ArrayList<>();

        Probe(TextModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public String provider() {
            return delegate.provider();
        }

        @Override
        public ModelReply complete(ModelRequest request) {
            long start = enter();
            try {
                return delegate.complete(request);
            } finally {
                leave(start);
            }
        }

        @Override
        public ModelReply stream(ModelRequest request, TokenListener listener) {
            long start = enter();
            try {
                return delegate.stream(request, listener);
            } finally {
                leave(start);
            }
        }

        long enter() {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return System.nanoTime();
        }

        void leave(long start) {
            long end = System.nanoTime();
            inFlight.decrementAndGet();
            synchronized (intervals) {
                intervals.add(new long[] {start, end});
            }
        }

        /** The most calls that ran one after another without overlapping (greedy by end time). */
        int rounds() {
            List<long[]> sorted = new ArrayList<>(intervals);
            sorted.sort(Comparator.comparingLong(i -> i[1]));
            int rounds = 0;
            long free = Long.MIN_VALUE;
            for (long[] interval : sorted) {
                if (interval[0] >= free) {
                    rounds++;
                    free = interval[1];
                }
            }
            return rounds;
        }
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        System.out.printf(
                Locale.ROOT,
                "20 chapters x 5 sections, 700 words per section, offline model with %d ms latency per call,"
                        + " provider limit %d, pipeline parallelism %d%n",
                latency,
                limit,
                parallelism);
        System.out.println("| run | wall time | model calls | sequential rounds | peak in flight / limit | words |");
        System.out.println("|---|---|---|---|---|---|");
        List<Long> walls = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Probe probe = new Probe(new OfflineTextModel(Duration.ofMillis(latency), Duration.ZERO));
            Bulkhead bulkhead = Bulkhead.of(
                    "offline",
                    BulkheadConfig.custom()
                            .maxConcurrentCalls(limit)
                            .maxWaitDuration(Duration.ofMinutes(5))
                            .build());
            TextModel guarded = new GuardedProvider(probe, CircuitBreaker.ofDefaults("offline"), bulkhead, null);
            BookRequest request = BookRequest.of(
                    "Running Kubernetes in Production", 20, 5, List.of("autoscaling", "observability"), BookKind.GUIDE);
            long started = System.nanoTime();
            Book book = BookPipeline.of(guarded, parallelism)
                    .write(request, null, GenerationListener.NONE, BookCheckpoints.NONE);
            long wall = (System.nanoTime() - started) / 1_000_000;
            walls.add(wall);
            if (probe.peak.get() > limit) {
                throw new IllegalStateException("peak in flight " + probe.peak.get() + " exceeded the limit " + limit);
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f s | %d | %d | %d / %d | %d |%n",
                    run,
                    wall / 1000.0,
                    probe.intervals.size(),
                    probe.rounds(),
                    probe.peak.get(),
                    limit,
                    book.metadata().lengths().totalWords());
        }
        walls.sort(Long::compare);
        System.out.printf(Locale.ROOT, "median wall time: %.1f s%n", walls.get(walls.size() / 2) / 1000.0);
    }
}
