// expect: satd.todo@2
// TODO remove this once the API is stable
// Loads the users of one page.
function users(page) {
  return page; // XXX debtwatch:ignore satd.todo
}
