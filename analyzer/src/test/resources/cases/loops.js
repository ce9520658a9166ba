// expect: performance.query-in-loop@4 performance.query-in-loop@5
async function load(ids) {
  for (const id of ids) {
    await fetch('/users/' + id);
    await axios.get('/orders/' + id);
  }
  await fetch('/users');
  ids.forEach(id => id.trim());
}
