// expect: config.connection-string@5 config.localhost-url@6 config.private-ip@7 config.hardcoded-port@12
package shop;

class Config {
    String url = "jdbc:postgresql://db.internal:5432/shop";
    String api = "http://localhost:8080/api";
    String host = "10.0.3.17";
    String version = "1.2.3.4";
    String fromEnv = System.getenv("DATABASE_URL");

    void serve() throws Exception {
        new java.net.ServerSocket(8080);
        new java.net.ServerSocket(port());
    }

    int port() {
        return Integer.parseInt(System.getenv("PORT"));
    }
}
