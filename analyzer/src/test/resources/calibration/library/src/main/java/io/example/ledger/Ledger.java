package io.example.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records balanced transactions and answers balances per account. */
public final class Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private final List<Entry> entries = new ArrayList<>();
    private final LedgerConfig config;

    public Ledger(LedgerConfig config) {
        this.config = config;
    }

    /** Adds a transaction; rejects it when debits and credits differ. */
    public void record(Transaction transaction) {
        if (!transaction.balanced()) {
            throw new UnbalancedTransactionException(transaction.id());
        }
        entries.addAll(transaction.entries());
        LOG.debug("recorded transaction {}", transaction.id());
    }

    /** The balance of one account, in the ledger currency. */
    public BigDecimal balance(String account) {
        BigDecimal total = BigDecimal.ZERO;
        for (Entry entry : entries) {
            if (entry.account().equals(account)) {
                total = total.add(entry.amount());
            }
        }
        return total.setScale(config.scale(), config.rounding());
    }
}
