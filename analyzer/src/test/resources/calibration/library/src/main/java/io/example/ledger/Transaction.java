package io.example.ledger;

import java.math.BigDecimal;
import java.util.List;

/** A set of entries that must sum to zero. */
public record Transaction(String id, List<Entry> entries) {

    public boolean balanced() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Entry entry : entries) {
            sum = sum.add(entry.amount());
        }
        return sum.signum() == 0;
    }
}
