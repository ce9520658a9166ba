package io.debtwatch.cli.satd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.debtwatch.cli.DebtwatchCommand;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `debtwatch satd`: one comment per stdin line in, one label per line out. */
class SatdCommandTest {

    @Test
    void printsOneLabelPerComment() {
        String comments = String.join("\n", "// TODO: this is a temporary hack, fix the design later",
                "// Returns the number of users.", "/* FIXME crashes when the list is empty */", "") ;
        InputStream stdin = System.in;
        StringWriter out = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(comments.getBytes(StandardCharsets.UTF_8)));
            CommandLine cmd = new CommandLine(new DebtwatchCommand());
            cmd.setOut(new PrintWriter(out));
            assertEquals(0, cmd.execute("satd"));
        } finally {
            System.setIn(stdin);
        }
        List<String> labels = out.toString().lines().toList();
        assertEquals(3, labels.size(), out.toString());
        assertEquals("NONE", labels.get(1));
        List<String> types = List.of("DESIGN", "DEFECT", "IMPLEMENTATION", "TEST", "DOCUMENTATION");
        assertEquals(true, types.contains(labels.get(0)), labels.toString());
        assertEquals(true, types.contains(labels.get(2)), labels.toString());
    }
}
