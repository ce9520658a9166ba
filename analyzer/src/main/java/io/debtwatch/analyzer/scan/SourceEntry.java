package io.debtwatch.analyzer.scan;

import java.io.IOException;

/** One file of a snapshot (working tree or Git tree): its repository-relative path, size and bytes. */
public interface SourceEntry {
    String path();

    long size();

    byte[] read() throws IOException;
}
