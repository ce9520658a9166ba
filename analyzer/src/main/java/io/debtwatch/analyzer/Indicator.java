package io.debtwatch.analyzer;

import java.util.Set;

/**
 * One entry of the indicator catalogue: what it finds, why it matters, what fixing it costs.
 *
 * @param id                 stable id, {@code category.name}
 * @param category           the category it counts towards
 * @param severity           {@code info}, {@code minor}, {@code major} or {@code critical}
 * @param remediationMinutes estimated minutes to fix one finding
 * @param languages          languages it applies to; empty means every text file
 * @param rationale          why it signals prototype code
 * @param badExample         code it flags
 * @param goodExample        code it accepts
 */
public record Indicator(String id, String category, String severity, int remediationMinutes,
        Set<String> languages, String rationale, String badExample, String goodExample) {

    /**
     * @param language a file's language
     * @return whether this indicator looks at files of that language
     */
    public boolean appliesTo(String language) {
        return languages.isEmpty() || languages.contains(language);
    }
}
