package fr.passerelle.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.access.CrossBorderTransaction;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.trust.Transaction;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {

    @Test
    void theTrcPatientIsReadFromBothCxShapes() {
        assertThat(RateLimitGate.ins("284056912304563^^^&" + Ins.TEST_NIR + "&ISO"))
                .contains(new Ins(Ins.TEST_NIR, "284056912304563"));
        assertThat(RateLimitGate.ins(Ins.TEST_NIR + "^284056912304563"))
                .contains(new Ins(Ins.TEST_NIR, "284056912304563"));
        assertThat(RateLimitGate.ins("X114428538^^^&1.2.276.0.76.3.1.580.147&ISO")).isEmpty();
        assertThat(RateLimitGate.ins("nonsense")).isEmpty();
    }

    @Test
    void everyTrustTransactionHasItsAuditTransaction() {
        var seen = EnumSet.noneOf(CrossBorderTransaction.class);
        for (Transaction transaction : Transaction.values()) {
            seen.add(RateLimitGate.transactionOf(transaction));
        }
        assertThat(seen).containsExactlyInAnyOrder(CrossBorderTransaction.values());
    }
}
