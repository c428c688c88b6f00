package fr.passerelle.gateway.audit;

import java.util.Iterator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the trail from the anchor (the last purged record, or the genesis) to the chain head and finds the first
 * record that was edited (its hash no longer matches), deleted (a gap in the sequence, or a head that points past
 * the last record) or re-ordered (a record that does not carry its predecessor's hash). Needs no Spring context:
 * the operator command runs it on a bare data source.
 */
@Component
public class AuditChainVerifier {

    private final DataSource dataSource;

    public AuditChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ChainVerification verify() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Head head = jdbc.sql("SELECT last_seq, last_hash, anchor_seq, anchor_hash FROM audit_chain_head WHERE id = 1")
                .query((row, n) -> new Head(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)))
                .single();
        long expectedSeq = head.anchorSeq() + 1;
        String expectedPrevious = head.anchorHash();
        long count = 0;
        try (Stream<AuditRecord> records = jdbc.sql("SELECT " + AuditRows.COLUMNS
                + " FROM audit_record ORDER BY seq").query(AuditRows::read).stream()) {
            Iterator<AuditRecord> it = records.iterator();
            while (it.hasNext()) {
                AuditRecord record = it.next();
                if (record.seq() < expectedSeq) {
                    return new ChainVerification.Broken(record.seq(),
                            "record " + record.seq() + " lies before the anchor " + head.anchorSeq());
                }
                if (record.seq() > expectedSeq) {
                    return new ChainVerification.Broken(expectedSeq, "record(s) " + expectedSeq
                            + (record.seq() - 1 > expectedSeq ? " to " + (record.seq() - 1) : "") + " deleted");
                }
                if (!record.previousHash().equals(expectedPrevious)) {
                    return new ChainVerification.Broken(record.seq(), "record " + record.seq()
                            + " does not follow its predecessor (re-ordered, or its predecessor was rewritten)");
                }
                if (!AuditHashing.hash(record).equals(record.recordHash())) {
                    return new ChainVerification.Broken(record.seq(), "record " + record.seq()
                            + " was altered (its content no longer matches its hash)");
                }
                expectedPrevious = record.recordHash();
                expectedSeq++;
                count++;
            }
        }
        long lastSeen = expectedSeq - 1;
        if (lastSeen != head.lastSeq()) {
            return new ChainVerification.Broken(lastSeen + 1, "record(s) " + (lastSeen + 1) + " to "
                    + head.lastSeq() + " deleted from the end of the trail");
        }
        if (!expectedPrevious.equals(head.lastHash())) {
            return new ChainVerification.Broken(lastSeen, "the last record " + lastSeen
                    + " is not the one the chain head sealed");
        }
        return new ChainVerification.Intact(count, head.anchorSeq(), head.lastSeq());
    }

    private record Head(long lastSeq, String lastHash, long anchorSeq, String anchorHash) {
    }
}
