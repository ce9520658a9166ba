// expect: security.sql-concatenation@13 security.sql-concatenation@15 security.shell-command-string@16 security.tls-verification-off@18 security.weak-password-hash@19
package store

import (
	"crypto/md5"
	"crypto/tls"
	"database/sql"
	"fmt"
	"os/exec"
)

func Find(db *sql.DB, id string, password string) {
	db.Query("SELECT name FROM users WHERE id = " + id)
	db.Query("SELECT name FROM users WHERE id = ?", id)
	db.Exec(fmt.Sprintf("DELETE FROM users WHERE id = %s", id))
	exec.Command("sh", "-c", "rm -rf "+id)
	exec.Command("ls", id)
	_ = &tls.Config{InsecureSkipVerify: true}
	md5.Sum([]byte(password))
}
