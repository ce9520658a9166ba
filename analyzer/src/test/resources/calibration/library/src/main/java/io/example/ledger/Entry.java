package io.example.ledger;

import java.math.BigDecimal;

/** One debit (negative) or credit (positive) on an account. */
public record Entry(String account, BigDecimal amount) {
}
