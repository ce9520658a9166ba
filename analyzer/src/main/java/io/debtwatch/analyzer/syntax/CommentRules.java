package io.debtwatch.analyzer.syntax;

import io.debtwatch.analyzer.satd.Satd;
import org.treesitter.TSNode;

/** Comment rules on the tree: self-admitted debt (tagged and classified), commented-out code, and
 *  the comment-only lines that lines of code exclude. */
final class CommentRules {
    private final TreeWalker walker;
    private final boolean[] commentOnly;
    private int codeRunStart;
    private int codeRunEnd;
    private int codeRunLines;

    CommentRules(TreeWalker walker) {
        this.walker = walker;
        this.commentOnly = new boolean[walker.ctx.lineCount() + 2];
    }

    /** The comment being visited (the walk's current node, whose byte range the walk already knows). */
    void comment(TSNode node) {
        int start = walker.line(node);
        int end = walker.endLine(node);
        int startByte = walker.currentStart();
        boolean ownLine = isBlank(walker.ctx.lineStartByte(start), startByte);
        if (ownLine) {
            for (int l = start; l <= end && l < commentOnly.length; l++) {
                commentOnly[l] = true;
            }
        }
        String text = walker.ctx.text(startByte, walker.currentEnd());
        Satd.check(walker.ctx, text, start, end);
        commentedCode(text, start, ownLine);
    }

    /** Runs of comment lines that look like code; a run of at least the threshold is one finding. */
    private void commentedCode(String text, int start, boolean ownLine) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = start + i;
            if (ownLine && CodeLikeness.looksLikeCode(CodeLikeness.stripCommentMarkers(lines[i]))) {
                if (codeRunLines > 0 && line == codeRunEnd + 1) {
                    codeRunEnd = line;
                    codeRunLines++;
                } else {
                    flushRun();
                    codeRunStart = line;
                    codeRunEnd = line;
                    codeRunLines = 1;
                }
            } else if (codeRunLines > 0 && line != codeRunEnd) {
                flushRun();
            }
        }
    }

    private void flushRun() {
        if (codeRunLines >= walker.ctx.settings.threshold("commented-code-lines")) {
            walker.ctx.report("structure.commented-out-code", codeRunStart, codeRunEnd,
                    codeRunLines + " lines of commented-out code", walker.ctx.line(codeRunStart));
        }
        codeRunLines = 0;
    }

    private boolean isBlank(int from, int to) {
        byte[] b = walker.ctx.bytes;
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Ends the file: flushes the last run, reports a long file and returns the lines of code. */
    int finish() {
        flushRun();
        byte[] b = walker.ctx.bytes;
        int loc = 0;
        int line = 1;
        boolean content = false;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == '\n') {
                if (content && (line >= commentOnly.length || !commentOnly[line])) {
                    loc++;
                }
                line++;
                content = false;
            } else if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                content = true;
            }
        }
        int limit = walker.ctx.settings.threshold("file-lines");
        if (loc > limit) {
            walker.ctx.report("structure.long-file", 1, 1, "file has " + loc + " lines of code (limit " + limit + ")",
                    "file " + walker.ctx.path);
        }
        return loc;
    }
}
