// expect: error-handling.empty-catch@10
package shop;

class OrderTest {
    void prints() {
        System.out.println("debug output in a test");
        String url = "http://localhost:8080";
        try {
            run();
        } catch (Exception e) {
        }
    }

    void run() {
    }
}
