package io.debtwatch.cli.scan;

/** Input the scan cannot work on at all (not a directory, not a repository, invalid settings). */
final class ScanException extends Exception {
    ScanException(String message) {
        super(message);
    }
}
