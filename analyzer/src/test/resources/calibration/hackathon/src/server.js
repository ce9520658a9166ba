const express = require('express');
const { Client } = require('pg');
const app = express();

const db = new Client('postgres://admin:hunter2@localhost:5432/hackday');
const STRIPE_KEY = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const password = 'supersecret99';

// TODO: add auth before the demo
// HACK: skip validation for now
app.get('/users/:id', async (req, res) => {
  try {
    const rows = await db.query('SELECT * FROM users WHERE id = ' + req.params.id);
    console.log(rows);
    res.send(rows);
  } catch (e) {
  }
});

app.get('/orders', async (req, res) => {
  const out = [];
  for (const id of req.query.ids) {
    out.push(await fetch('http://localhost:4000/orders/' + id));
  }
  res.setHeader('Access-Control-Allow-Origin', '*');
  console.log('orders done');
  res.send(out);
});

// FIXME crashes when the list is empty
function total(items) {
  let t = 0;
  try {
    items.forEach(i => { t += i.price; });
  } catch (err) {
    console.log(err);
  }
  return t;
}

eval(process.argv[2]);
app.listen(3000);
