package io.debtwatch.analyzer.syntax;

/** The node kinds the rules care about, shared by all grammars (mapped from each grammar's symbol names). */
public enum Kind {
    OTHER, COMMENT, STRING, FUNCTION, CALL, NEW, CATCH, IF, ELSE, LOOP, SWITCH, TRY, BRANCH_TOKEN,
    ASSIGN, PAIR, IMPORT, BLOCK, MEMBER, IDENTIFIER, NUMBER, TRUE, FALSE, ANNOTATION
}
