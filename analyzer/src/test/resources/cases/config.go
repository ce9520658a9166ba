// expect: config.connection-string@9 config.hardcoded-port@12
package store

import (
	"net/http"
	"os"
)

const dsn = "mysql://root@10.1.2.3:3306/shop"

func Serve() error {
	http.ListenAndServe(":8080", nil)
	return http.ListenAndServe(os.Getenv("ADDR"), nil)
}
