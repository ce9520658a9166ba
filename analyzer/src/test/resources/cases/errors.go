// expect: error-handling.discarded-error@11 error-handling.discarded-error@12 error-handling.discarded-error@13 observability.print@18 error-handling.process-exit@21
package store

import (
	"fmt"
	"log/slog"
	"os"
)

func Save(path string) error {
	_ = os.Remove(path)
	n, _ := fmt.Sscanf(path, "%d")
	if err := os.Chmod(path, 0600); err != nil {
	}
	if err := os.Chmod(path, 0644); err != nil {
		return err
	}
	fmt.Println("saved", n)
	slog.Info("saved")
	if n > 3 {
		os.Exit(1)
	}
	return nil
}
