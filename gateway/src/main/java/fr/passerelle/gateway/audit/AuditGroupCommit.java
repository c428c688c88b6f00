package fr.passerelle.gateway.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Group commit of this node's records: callers queue their entry and wait; one writer thread takes up to
 * {@code maxSize} queued entries, writes them in one transaction (one chain head lock, one commit, so one disk flush
 * for all of them) and hands each caller its sealed record, or the batch's failure to all of them. Why: every
 * commit waits for the flush while holding the head lock, which caps a lone writer at one flush per record.
 *
 * <p>A caller gives up after {@code timeout}: if the writer has not taken its entry yet, the entry is withdrawn and
 * never written; if the writer has, the caller waits another {@code timeout} for the commit, then fails saying the
 * outcome is unknown (the record may exist; the chain stays intact either way). The writer thread exists only while
 * there is work: it stops after an idle second and the next caller starts it again, so a node has at most one.
 */
final class AuditGroupCommit {

    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Function<List<AuditEntry>, List<AuditRecord>> writeBatch;
    private final int maxSize;
    private final Duration timeout;
    private final BlockingQueue<Pending> queue;
    private final Object writerLock = new Object();
    private Thread writer;
    private boolean closed;

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committedRecords = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicInteger largestBatch = new AtomicInteger();

    /** @param writeBatch writes the entries in order, in one transaction, returning their records in the same order */
    AuditGroupCommit(Function<List<AuditEntry>, List<AuditRecord>> writeBatch, AuditProperties.Batch settings) {
        this.writeBatch = writeBatch;
        this.maxSize = settings.maxSize();
        this.timeout = settings.timeout();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** Queues the entry and waits until its record has committed. */
    AuditRecord append(AuditEntry entry) {
        Pending pending = new Pending(entry);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            synchronized (writerLock) {
                if (closed) {
                    throw new TransientDataAccessResourceException("The audit trail is shutting down");
                }
            }
            if (!queue.offer(pending, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TransientDataAccessResourceException("The audit trail's queue stayed full for " + timeout);
            }
            if (!ensureWriter() && pending.withdraw()) {
                throw new TransientDataAccessResourceException("The audit trail is shutting down");
            }
            return await(pending, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (pending.withdraw()) {
                throw new TransientDataAccessResourceException("Interrupted before the audit record was written");
            }
            throw new TransientDataAccessResourceException(
                    "Interrupted while the audit record was being committed; it may have been written");
        }
    }

    private AuditRecord await(Pending pending, long deadline) throws InterruptedException {
        try {
            try {
                return pending.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notYet) {
                if (pending.withdraw()) {
                    throw new TransientDataAccessResourceException(
                            "The audit record was not written within " + timeout + " (withdrawn, not written)");
                }
                try {
                    return pending.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillNot) {
                    throw new TransientDataAccessResourceException("The audit record's commit did not finish within "
                            + timeout.multipliedBy(2) + "; it may have been written");
                }
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The audit batch failed", failed.getCause());
        }
    }

    /** Starts the writer unless it runs; false once closed (no writer will take what is queued). */
    private boolean ensureWriter() {
        synchronized (writerLock) {
            if (writer == null) {
                if (closed) {
                    return false;
                }
                writer = new Thread(this::drain, "audit-group-commit");
                writer.setDaemon(true);
                writer.start();
            }
            return true;
        }
    }

    private void drain() {
        long idleSince = System.nanoTime();
        List<Pending> batch = new ArrayList<>(maxSize);
        while (true) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                synchronized (writerLock) {
                    // Under the lock a caller either saw this thread (its entry is in the queue, checked here) or
                    // will start a new one.
                    if (queue.isEmpty() && (closed || System.nanoTime() - idleSince > IDLE_NANOS)) {
                        writer = null;
                        writerLock.notifyAll();
                        return;
                    }
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, maxSize - 1);
            batch.removeIf(p -> !p.claim());
            if (!batch.isEmpty()) {
                write(batch);
            }
            idleSince = System.nanoTime();
        }
    }

    private void write(List<Pending> batch) {
        List<AuditRecord> records;
        try {
            records = writeBatch.apply(batch.stream().map(Pending::entry).toList());
        } catch (RuntimeException | Error e) {
            // The transaction rolled back: none of the batch is written, and every caller in it learns so.
            failedBatches.incrementAndGet();
            batch.forEach(p -> p.result.completeExceptionally(e));
            return;
        }
        commits.incrementAndGet();
        committedRecords.addAndGet(records.size());
        largestBatch.accumulateAndGet(records.size(), Math::max);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(records.get(i));
        }
    }

    /** Refuses new entries, lets the writer commit what is queued, and waits for it (at most twice the timeout). */
    void close() {
        long deadline = System.nanoTime() + timeout.multipliedBy(2).toNanos();
        synchronized (writerLock) {
            closed = true;
            while (writer != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(writerLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        // Whatever is still queued (the writer was stuck past the deadline) is failed, not left hanging.
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(Pending::withdraw).forEach(p -> p.result.completeExceptionally(
                new TransientDataAccessResourceException("The audit trail shut down before the record was written")));
    }

    GroupCommitStats stats() {
        boolean accepting;
        synchronized (writerLock) {
            accepting = !closed;
        }
        return new GroupCommitStats(commits.get(), committedRecords.get(), failedBatches.get(), largestBatch.get(),
                queue.size(), accepting);
    }

    /**
     * What the writer has done so far on this node.
     *
     * @param commits       batches committed
     * @param records       records in them
     * @param failedBatches batches rolled back (their callers failed)
     * @param largestBatch  most records in one commit
     * @param queued        entries waiting now
     * @param accepting     false once closing
     */
    record GroupCommitStats(long commits, long records, long failedBatches, int largestBatch, int queued,
                            boolean accepting) {
    }

    /** A caller's entry: queued, then claimed by the writer or withdrawn by the caller who gave up, never both. */
    private static final class Pending {

        private static final int QUEUED = 0;
        private static final int CLAIMED = 1;
        private static final int WITHDRAWN = 2;

        private final AuditEntry entry;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final CompletableFuture<AuditRecord> result = new CompletableFuture<>();

        Pending(AuditEntry entry) {
            this.entry = entry;
        }

        AuditEntry entry() {
            return entry;
        }

        boolean claim() {
            return state.compareAndSet(QUEUED, CLAIMED);
        }

        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }
    }
}
