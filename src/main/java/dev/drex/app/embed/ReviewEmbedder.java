package dev.drex.app.embed;

import dev.drex.app.data.Dataset;
import dev.drex.engine.bert.BertModel;
import dev.drex.engine.bert.BertOutput;
import dev.drex.tokenizer.bert.BertTokenizer;
import dev.drex.tokenizer.text.TextPreprocessor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Fills an {@link EmbeddingCache} with the lemma vectors of every review of a dataset (spec, "Review
 * features" steps 1-2): lemmas ({@link TextPreprocessor}), {@code [CLS] pieces [SEP]} ({@link LemmaPieces}),
 * frozen BERT's last layer, the mean of each lemma's pieces, stored fp16 or fp32 under its {@link ReviewKey}.
 *
 * <p>The run, in order:
 * <ol>
 *   <li>prepare every review on all cores: key, lemmas, word pieces;</li>
 *   <li>plan: the reviews with lemmas sorted by (token count, key bytes) and cut into batches of
 *       {@code batchSize}; the plan depends only on the set of reviews, never on what the cache holds;</li>
 *   <li>skip a batch whose every review is in the cache with a valid checksum; run BERT on the others
 *       (whole batches: a resumed run feeds BERT exactly the batches an uninterrupted one does, so the
 *       stored bytes are identical) while one storage thread pools, encodes and stores the previous batch.</li>
 * </ol>
 * Reviews without lemmas are stored as empty entries so that a later run knows they are done.
 */
public final class ReviewEmbedder {

    /** A prepared review: key, its kept lemmas and tokens (null pieces when it has no lemma). */
    private record Job(byte[] key, LemmaPieces pieces, boolean truncated) {}

    /** What a run did and where its time went (nanoseconds of wall time per stage). */
    public record Report(int reviews, int alreadyCached, int embedded, int emptyReviews, int truncatedReviews,
                         long tokens, int batchesRun, int batchesSkipped, boolean recovered,
                         long prepareNanos, long forwardNanos, long storageNanos, long totalNanos,
                         long prepareCpuNanos, long forwardCpuNanos, long storageCpuNanos,
                         long entries, long fileBytes) {

        /** A few lines for the terminal. */
        public String summary() {
            double fwd = forwardNanos / 1e9, prep = prepareNanos / 1e9, store = storageNanos / 1e9, total = totalNanos / 1e9;
            return String.format("%,d reviews: %,d embedded, %,d already cached (%,d without lemmas, %,d truncated)%n"
                            + "%,d batches run, %,d skipped%s; %,d tokens through BERT%n"
                            + "time %.1f s: prepare+tokenize %.1f s, BERT forward %.1f s, pooling+storage %.1f s (overlapped "
                            + "with the forward)%nCPU time %.1f s: prepare+tokenize %.1f s, BERT forward %.1f s, "
                            + "pooling+storage %.1f s%n%.1f reviews/s overall, %.1f reviews/s and %.0f tokens/s in the "
                            + "forward%ncache: %,d entries, file %.1f MB",
                    reviews, embedded, alreadyCached, emptyReviews, truncatedReviews, batchesRun, batchesSkipped,
                    recovered ? " (recovered after an interrupted run)" : "", tokens, total, prep, fwd, store,
                    (prepareCpuNanos + forwardCpuNanos + storageCpuNanos) / 1e9, prepareCpuNanos / 1e9,
                    forwardCpuNanos / 1e9, storageCpuNanos / 1e9,
                    embedded / Math.max(total, 1e-9), embedded / Math.max(fwd, 1e-9), tokens / Math.max(fwd, 1e-9),
                    entries, fileBytes / 1e6);
        }
    }

    private final BertModel model;
    private final BertTokenizer tokenizer;
    private final TextPreprocessor preprocessor;
    private final String modelName;
    private final String modelChecksum;

    /**
     * @param modelName     for messages and the cache header
     * @param modelChecksum {@link ModelChecksum#of} the model directory
     */
    public ReviewEmbedder(BertModel model, BertTokenizer tokenizer, TextPreprocessor preprocessor,
                          String modelName, String modelChecksum) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.preprocessor = preprocessor;
        this.modelName = modelName;
        this.modelChecksum = modelChecksum;
    }

    /** The header of a cache this embedder writes. */
    public CacheHeader header(boolean fp16) {
        return new CacheHeader(CacheHeader.FORMAT, modelName, modelChecksum, model.config().hiddenSize(), fp16,
                preprocessor.settingsFingerprint(), model.config().maxPositionEmbeddings());
    }

    /**
     * What to run: reviews without lemmas still missing, and the planned batches with at least one review
     * missing (with which ones), and how many reviews were found already stored.
     */
    private record Plan(List<Job> emptyTodo, List<List<Job>> batches, List<Set<ByteBuffer>> missing, int cached,
                        int batchesSkipped, int todo) {}

    /** Timers shared with the storage thread. */
    private static final class Counters {
        final AtomicLong stored = new AtomicLong();
        final AtomicLong storageNanos = new AtomicLong();
        final AtomicLong storageCpuNanos = new AtomicLong();
        long forwardNanos;
        long tokens;
    }

    /**
     * Embeds every review of {@code data} missing from {@code cacheFile} (created if absent).
     *
     * @param progress where the progress bar goes (null: none)
     * @param onStored called by the storage thread with the number of reviews stored so far in this run
     */
    public Report embed(Dataset data, Path cacheFile, int batchSize, boolean fp16, PrintStream progress,
                        LongConsumer onStored) throws IOException {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        List<Job> jobs = prepare(data);
        long prepareNanos = System.nanoTime() - t0;
        long prepareCpu = processCpuNanos() - cpu0;
        CacheHeader header = header(fp16);
        long[] sizes = jobs.stream().mapToLong(j -> EntryCodec.encodedSize(
                j.pieces == null ? new String[0] : j.pieces.lemmas(), header.dim(), fp16)).toArray();
        double averageBytes = Arrays.stream(sizes).average().orElse(64);
        // The largest value this cache may ever get: maxWords lemmas of up to 64 UTF-8 bytes, or 1.5x the
        // largest of this dataset, whichever is more.
        long maxBytes = Math.max(Arrays.stream(sizes).max().orElse(64) * 3 / 2,
                8 + (long) preprocessor.config().maxWords() * (2 + 64 + (long) header.dim() * (fp16 ? 2 : 4)));
        int truncated = (int) jobs.stream().filter(Job::truncated).count();
        int empty = (int) jobs.stream().filter(j -> j.pieces == null).count();

        try (EmbeddingCache cache = EmbeddingCache.openForWriting(cacheFile, header, jobs.size() + 1L, averageBytes, maxBytes)) {
            Plan plan = plan(jobs, cache, batchSize);
            ProgressBar bar = new ProgressBar(progress, "embed", plan.todo());
            bar.start();
            Counters counters = new Counters();
            for (Job j : plan.emptyTodo()) {
                cache.put(j.key, EntryCodec.encodeReview(j.key, new String[0], new float[0], header.dim(), fp16));
                long n = counters.stored.incrementAndGet();
                bar.advance(1);
                if (onStored != null) onStored.accept(n);
            }
            long runCpu0 = processCpuNanos();
            runBatches(plan, cache, fp16, bar, counters, onStored);
            bar.finish();
            long forwardCpu = processCpuNanos() - runCpu0 - counters.storageCpuNanos.get();
            return new Report(jobs.size(), plan.cached(), (int) counters.stored.get(), empty, truncated, counters.tokens,
                    plan.batches().size(), plan.batchesSkipped(), cache.recovered(), prepareNanos, counters.forwardNanos,
                    counters.storageNanos.get(), System.nanoTime() - t0, prepareCpu, forwardCpu,
                    counters.storageCpuNanos.get(), cache.size() - 1, cache.fileBytes());
        }
    }

    /**
     * The batches: reviews with lemmas sorted by (token count, key bytes), cut every {@code batchSize}; a batch
     * is kept when any of its reviews lacks a valid entry.
     */
    private static Plan plan(List<Job> jobs, EmbeddingCache cache, int batchSize) {
        List<Job> emptyTodo = new ArrayList<>();
        List<Job> nonEmpty = new ArrayList<>();
        int cached = 0;
        for (Job j : jobs) {
            if (j.pieces != null) nonEmpty.add(j);
            else if (cache.hasValid(j.key)) cached++;
            else emptyTodo.add(j);
        }
        nonEmpty.sort(Comparator.<Job>comparingInt(j -> j.pieces.length()).thenComparing(Job::key, Arrays::compareUnsigned));
        List<List<Job>> batches = new ArrayList<>();
        List<Set<ByteBuffer>> missing = new ArrayList<>();
        int skipped = 0;
        int todo = emptyTodo.size();
        for (int from = 0; from < nonEmpty.size(); from += batchSize) {
            List<Job> batch = nonEmpty.subList(from, Math.min(nonEmpty.size(), from + batchSize));
            Set<ByteBuffer> absent = new HashSet<>();
            for (Job j : batch) if (!cache.hasValid(j.key)) absent.add(ByteBuffer.wrap(j.key));
            cached += batch.size() - absent.size();
            if (absent.isEmpty()) {
                skipped++;
            } else {
                batches.add(batch);
                missing.add(absent);
                todo += absent.size();
            }
        }
        return new Plan(emptyTodo, batches, missing, cached, skipped, todo);
    }

    /**
     * Runs BERT over the planned batches on this thread while one storage thread pools, encodes and stores
     * the previous batch (at most two batches wait for storage).
     */
    private void runBatches(Plan plan, EmbeddingCache cache, boolean fp16, ProgressBar bar, Counters counters,
                            LongConsumer onStored) throws IOException {
        ExecutorService storage = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "embedding-storage");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<?>> pending = new ArrayDeque<>();
        try {
            for (int b = 0; b < plan.batches().size(); b++) {
                List<Job> batch = plan.batches().get(b);
                Set<ByteBuffer> absent = plan.missing().get(b);
                int[][] ids = new int[batch.size()][];
                for (int r = 0; r < ids.length; r++) {
                    ids[r] = batch.get(r).pieces.ids();
                    counters.tokens += ids[r].length;
                }
                long f0 = System.nanoTime();
                BertOutput out = model.forward(ids, null);      // ids (B, L_b ragged) -> (B, L, H)
                counters.forwardNanos += System.nanoTime() - f0;
                while (pending.size() >= 2) await(pending.poll());
                pending.add(storage.submit(() -> {
                    long s0 = System.nanoTime();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    for (int r = 0; r < batch.size(); r++) {
                        Job j = batch.get(r);
                        if (!absent.contains(ByteBuffer.wrap(j.key))) continue;
                        float[] vectors = j.pieces.meanOfPieces(out.lastHiddenState(), out.offset(r, 0), out.hidden());
                        cache.put(j.key, EntryCodec.encodeReview(j.key, j.pieces.lemmas(), vectors, out.hidden(), fp16));
                        counters.stored.incrementAndGet();
                    }
                    counters.storageNanos.addAndGet(System.nanoTime() - s0);
                    counters.storageCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                    bar.advance(absent.size());
                    if (onStored != null) onStored.accept(counters.stored.get());
                }));
            }
            while (!pending.isEmpty()) await(pending.poll());
        } finally {
            storage.shutdown();     // on failure: let the running put finish before the cache closes
            try {
                if (!storage.awaitTermination(10, TimeUnit.MINUTES)) throw new IOException("storage thread did not stop");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the whole process (all threads), or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while storing embeddings", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        }
    }

    /** Key, lemmas and pieces of every distinct review, in dataset order, computed on all cores. */
    private List<Job> prepare(Dataset data) {
        ReviewKey keys = new ReviewKey(modelChecksum, preprocessor.settingsFingerprint());
        int maxPieces = model.config().maxPositionEmbeddings();
        Job[] jobs = IntStream.range(0, data.size()).parallel().mapToObj(k -> {
            byte[] key = keys.of(data.userId(data.user(k)), data.itemId(data.item(k)), data.title(k), data.text(k));
            List<String> lemmas = preprocessor.lemmas(data.title(k), data.text(k));
            LemmaPieces pieces = LemmaPieces.of(lemmas, tokenizer, maxPieces);
            return new Job(key, pieces.size() == 0 ? null : pieces, pieces.size() < lemmas.size());
        }).toArray(Job[]::new);
        Set<ByteBuffer> seen = new HashSet<>();
        List<Job> distinct = new ArrayList<>(jobs.length);
        for (Job j : jobs) if (seen.add(ByteBuffer.wrap(j.key))) distinct.add(j);
        return distinct;
    }
}
