// expect: satd.todo@4
package store

// KLUDGE: retry twice because the driver drops the first connection
// Users returns the users of one page.
func Users(page int) int {
	return page
}
