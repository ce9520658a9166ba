package io.example.ledger;

import java.math.RoundingMode;

/** Ledger settings, read from the environment with safe defaults. */
public record LedgerConfig(int scale, RoundingMode rounding) {

    public static LedgerConfig fromEnvironment() {
        String scale = System.getenv().getOrDefault("LEDGER_SCALE", "2");
        return new LedgerConfig(Integer.parseInt(scale), RoundingMode.HALF_EVEN);
    }
}
