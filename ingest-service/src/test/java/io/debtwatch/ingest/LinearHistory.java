package io.debtwatch.ingest;

import io.debtwatch.testsupport.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Writes a long linear history straight into a repository's object database (thousands of commits
 * in a second, where committing through the work tree takes minutes), then checks it out so the
 * fixture can go on committing on top.
 */
public final class LinearHistory {

    private LinearHistory() {
    }

    /**
     * @param git   a fixture on branch main, empty or not
     * @param count how many commits to add, each changing one of twenty files
     * @throws IOException when the repository cannot be written
     */
    public static void append(GitFixture git, int count) throws IOException {
        Repository repo = git.git().getRepository();
        ObjectId parent = repo.resolve(Constants.HEAD);
        Instant time = Instant.parse("2025-01-01T00:00:00Z");
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId[] files = new ObjectId[20];
            for (int i = 0; i < count; i++) {
                files[i % 20] = inserter.insert(Constants.OBJ_BLOB,
                        ("class F" + (i % 20) + " { int v = " + i + "; }\n").getBytes(StandardCharsets.UTF_8));
                TreeFormatter tree = new TreeFormatter();
                for (int f = 0; f < files.length; f++) {
                    if (files[f] != null) {
                        tree.append(String.format("F%02d.java", f), FileMode.REGULAR_FILE, files[f]);
                    }
                }
                PersonIdent who = new PersonIdent("Ada Lovelace", "ada@example.test",
                        Date.from(time.plusSeconds(600L * i)), TimeZone.getTimeZone(ZoneOffset.UTC));
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(inserter.insert(tree));
                if (parent != null) {
                    commit.setParentId(parent);
                }
                commit.setAuthor(who);
                commit.setCommitter(who);
                commit.setMessage("commit " + i);
                parent = inserter.insert(commit);
            }
            inserter.flush();
        }
        RefUpdate update = repo.updateRef(Constants.R_HEADS + "main");
        update.setNewObjectId(parent);
        update.setForceUpdate(true);
        update.update();
        try {
            git.git().reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(parent.name()).call();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException("cannot check out the generated history", e);
        }
    }
}
