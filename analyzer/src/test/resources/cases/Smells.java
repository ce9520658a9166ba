// expect: security.sql-concatenation@9 security.shell-command-string@11 security.weak-password-hash@16 security.tls-verification-off@24 security.wildcard-cors@27
package shop;

import java.security.MessageDigest;
import java.sql.Connection;

class Smells {
    void find(Connection conn, String id) throws Exception {
        conn.createStatement().executeQuery("SELECT name FROM users WHERE id = " + id);
        conn.prepareStatement("SELECT name FROM users WHERE id = ?");
        Runtime.getRuntime().exec("rm -rf " + id);
        Runtime.getRuntime().exec(new String[] {"ls"});
    }

    byte[] hashPassword(String password) throws Exception {
        return MessageDigest.getInstance("MD5").digest(password.getBytes());
    }

    byte[] checksum(byte[] file) throws Exception {
        return MessageDigest.getInstance("MD5").digest(file);
    }

    void tls(javax.net.ssl.HttpsURLConnection c) {
        c.setHostnameVerifier((host, session) -> true);
    }

    @org.springframework.web.bind.annotation.CrossOrigin(origins = "*")
    void api() {
    }
}
