// expect: performance.query-in-loop@10 performance.sleep-in-loop@11 performance.select-star@15
package shop;

import java.sql.Statement;
import java.util.List;

class Loops {
    void load(Statement stmt, List<String> ids) throws Exception {
        for (String id : ids) {
            stmt.executeQuery("SELECT name FROM users WHERE id = 1");
            Thread.sleep(100);
        }
        stmt.executeQuery("SELECT name FROM users");
        Thread.sleep(100);
        String q = "select * from orders";
    }
}
