// expect: performance.query-in-loop@12 performance.query-in-loop@13 performance.sleep-in-loop@14
package store

import (
	"database/sql"
	"net/http"
	"time"
)

func Load(db *sql.DB, ids []string) {
	for _, id := range ids {
		db.QueryRow("SELECT name FROM users WHERE id = ?", id)
		http.Get("https://api.example.org/" + id)
		time.Sleep(time.Second)
	}
	db.QueryRow("SELECT 1")
	time.Sleep(time.Second)
}
