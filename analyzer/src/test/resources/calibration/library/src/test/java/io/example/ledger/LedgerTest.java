package io.example.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private final Ledger ledger = new Ledger(new LedgerConfig(2, RoundingMode.HALF_EVEN));

    @Test
    void balancedTransactionMovesMoney() {
        ledger.record(new Transaction("t1", List.of(new Entry("cash", new BigDecimal("-10")),
                new Entry("sales", new BigDecimal("10")))));
        assertEquals(new BigDecimal("10.00"), ledger.balance("sales"));
        assertEquals(new BigDecimal("-10.00"), ledger.balance("cash"));
    }

    @Test
    void unbalancedTransactionIsRejected() {
        Transaction t = new Transaction("t2", List.of(new Entry("cash", new BigDecimal("-10"))));
        assertThrows(UnbalancedTransactionException.class, () -> ledger.record(t));
    }

    @Test
    void unknownAccountHasZeroBalance() {
        assertEquals(new BigDecimal("0.00"), ledger.balance("nobody"));
    }

    @Test
    void transactionKnowsWhetherItBalances() {
        assertEquals(true, new Transaction("t3", List.of()).balanced());
    }
}
