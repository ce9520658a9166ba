package io.debtwatch.analyzer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every indicator the analyzer knows, by id. */
public final class Catalogue {

    private static final Set<String> CODE = Set.of("java", "python", "javascript", "typescript", "go", "kotlin",
            "csharp", "ruby", "php", "rust", "scala", "swift", "c", "cpp");

    public static final Indicator SATD_TAGGED = new Indicator("satd.tagged", "satd", "minor", 30, Set.of(),
            "A TODO, FIXME, HACK, XXX or KLUDGE comment is debt its author admitted and left for later.",
            "// TODO: handle the error properly", "// The rate comes from RateConfig; see ADR-12.");
    public static final Indicator EMPTY_CATCH = new Indicator("error-handling.empty-catch", "error-handling",
            "major", 20, Set.of("java"),
            "An empty catch block hides failures; prototypes swallow errors to make the demo work.",
            "try { save(order); } catch (IOException e) { }",
            "try { save(order); } catch (IOException e) { throw new OrderNotSaved(order, e); }");
    public static final Indicator PRINT = new Indicator("observability.print", "observability", "minor", 10,
            Set.of("java", "python", "javascript", "typescript", "go"),
            "Printing to the console instead of logging leaves production without levels, context or routing.",
            "System.out.println(\"order saved\");", "LOG.info(\"order {} saved\", order.id());");
    public static final Indicator CONNECTION_STRING = new Indicator("config.connection-string", "config", "major",
            30, CODE,
            "A connection string in code ties the program to one environment and often carries credentials.",
            "DriverManager.getConnection(\"jdbc:postgresql://db.internal:5432/shop\");",
            "DriverManager.getConnection(config.databaseUrl());");
    public static final Indicator HARDCODED_CREDENTIAL = new Indicator("security.hardcoded-credential",
            "security", "critical", 60, Set.of(),
            "A credential in source control is readable by everyone with the repository and outlives rotation.",
            "String password = \"s3cr3t-Pa55\";", "String password = System.getenv(\"DB_PASSWORD\");");

    private static final Map<String, Indicator> BY_ID = List.of(SATD_TAGGED, EMPTY_CATCH, PRINT, CONNECTION_STRING,
            HARDCODED_CREDENTIAL).stream().collect(Collectors.toUnmodifiableMap(Indicator::id, Function.identity()));

    private Catalogue() {
    }

    /**
     * @return every indicator, by id
     */
    public static Map<String, Indicator> all() {
        return BY_ID;
    }
}
