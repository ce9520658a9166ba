// expect: security.sql-concatenation@6 security.sql-concatenation@8 security.dynamic-eval@9 security.shell-command-string@10 security.wildcard-cors@11 security.tls-verification-off@12 security.weak-password-hash@13
const { exec } = require('child_process');
const crypto = require('crypto');

function handler(db, req, res) {
  db.query('SELECT id FROM users WHERE name = ' + req.query.name);
  db.query('SELECT id FROM users WHERE name = $1', [req.query.name]);
  db.query(`DELETE FROM users WHERE id = ${req.params.id}`);
  eval(req.body.code);
  exec(`git clone ${req.body.repo}`);
  res.setHeader('Access-Control-Allow-Origin', '*');
  const agent = { rejectUnauthorized: false };
  return crypto.createHash('md5').update(req.body.password).digest('hex');
}
