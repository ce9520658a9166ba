// expect: none
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("usage: tool")
	os.Exit(2)
}
