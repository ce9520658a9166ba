// expect: error-handling.empty-catch@10 error-handling.catch-all@14 error-handling.print-only-catch@19 observability.print@20 error-handling.process-exit@28
package shop;

import java.io.IOException;

class Orders {
    void save() {
        try {
            write();
        } catch (IOException e) {
        }
        try {
            write();
        } catch (Exception e) {
            count++;
        }
        try {
            write();
        } catch (IOException e) {
            e.printStackTrace();
        }
        try {
            write();
        } catch (Exception e) {
            throw new IllegalStateException("save failed", e);
        }
        if (count > 3) {
            System.exit(2);
        }
    }

    public static void main(String[] args) {
        System.out.println("usage: orders");
        System.exit(1);
    }

    void write() throws IOException {
    }

    int count;
}
