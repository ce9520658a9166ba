// expect: security.token@5 security.credential-assignment@6 security.high-entropy@9
package shop;

class Secrets {
    String aws = "AKIAQ3ABCDEFGREALKEY7Z";
    String password = "hunter2hunter2";
    String apiKey = "changeme";
    String dbPassword = System.getenv("DB_PASSWORD");
    String signing = "9fQ2xL7vP0aZ3kR8mW1tY6uB4nC5dE7gHh";
    String sentence = "this is a perfectly normal sentence";
}
