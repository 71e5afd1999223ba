import dev.quillstream.research.Passage;
import dev.quillstream.research.PassageIndex;
import dev.quillstream.research.local.LibraryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Research hot paths, measured (run by bench/research/run.sh after a package):
 * 1. BM25 passage selection for one subtopic over a researched post's corpus (12 sources x 80 passages);
 * 2. the local library's full-text search (ts_rank_cd + ts_headline) over N documents in PostgreSQL.
 * Prints the median and p90 of repeated runs; nothing is asserted.
 */
public class ResearchBench {

    static final String[] WORDS = ("autoscaling kubernetes replicas pods cpu memory requests limits metrics queue kafka "
                    + "lag latency throughput cluster nodes scheduler deployment rollout canary budget cost cache "
                    + "database index query partition replica failover backup storage network ingress gateway "
                    + "service mesh tracing logging alerting dashboard capacity planning load test baseline "
                    + "threshold window stabilisation cooldown burst idle zero scale event trigger cron")
            .split(" ");

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        passages();
        library(documents);
    }

    static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 15 == 14 ? ".\n\n" : " ");
        }
        return text.toString();
    }

    static void passages() {
        Random random = new Random(1);
        List<Passage> corpus = new ArrayList<>();
        for (int source = 1; source <= 12; source++) {
            for (int p = 0; p < 80; p++) {
                corpus.add(new Passage(source, text(random, 120)));
            }
        }
        long[] build = new long[21];
        long[] search = new long[201];
        PassageIndex index = null;
        for (int i = 0; i < build.length; i++) {
            long start = System.nanoTime();
            index = new PassageIndex(corpus);
            build[i] = System.nanoTime() - start;
        }
        for (int i = 0; i < 2000; i++) {
            index.search("warm up the JIT " + WORDS[i % WORDS.length], 4, 2);
        }
        for (int i = 0; i < search.length; i++) {
            long start = System.nanoTime();
            index.search("kafka lag queue scale to zero event trigger cooldown " + WORDS[i % WORDS.length], 4, 2);
            search[i] = System.nanoTime() - start;
        }
        System.out.printf("passages: %d; index build median %.2f ms (p90 %.2f); search median %.3f ms (p90 %.3f)%n",
                corpus.size(), ms(median(build)), ms(p90(build)), ms(median(search)), ms(p90(search)));
    }

    static void library(int documents) throws Exception {
        String server = System.getenv().getOrDefault(
                "QUILLSTREAM_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = DriverManager.getConnection(server)) {
            connection.createStatement().execute("create schema " + schema);
            connection.createStatement().execute("set search_path to " + schema);
            for (String migration : List.of("V1__accounts_and_contents.sql", "V4_1__research.sql")) {
                connection.createStatement()
                        .execute(Files.readString(Path.of("src/main/resources/db/migration", migration)));
            }
            Random random = new Random(2);
            long loadStart = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("insert into research_documents (id, owner_id,"
                    + " origin, url, path, title, media_type, content, file_sha256, size_bytes) values (?, null,"
                    + " 'folder', ?, ?, ?, 'text/markdown', ?, 'x', 1)")) {
                for (int i = 0; i < documents; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "library:doc" + i + ".md");
                    insert.setString(3, "doc" + i + ".md");
                    insert.setString(4, text(random, 6));
                    insert.setString(5, text(random, 2000));
                    insert.addBatch();
                    if (i % 200 == 199) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.createStatement().execute("analyze research_documents");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(server + "&currentSchema=" + schema);
            LibraryStore store = new LibraryStore(JdbcClient.create(dataSource));
            List<String> queries = List.of(
                    "kafka consumer lag", "scale to zero on queue length", "cpu requests and limits",
                    "canary rollout budget", "database failover backup");
            for (int i = 0; i < 5; i++) {
                store.search(queries.get(i), null, 10);
            }
            long[] times = new long[50];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                store.search(queries.get(i % queries.size()), null, 10);
                times[i] = System.nanoTime() - start;
            }
            System.out.printf("library: %d documents of 2000 words (loaded in %.1f s); search top 10 with headlines"
                    + " median %.1f ms (p90 %.1f)%n", documents, loadSeconds, ms(median(times)), ms(p90(times)));
            connection.createStatement().execute("drop schema " + schema + " cascade");
        }
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static long p90(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.9)];
    }
}
