// expect: satd.todo@12 satd.admission@13 security.sql-concatenation@20 security.dynamic-eval@22 security.shell-command-string@23 security.wildcard-cors@24 security.tls-verification-off@25 security.weak-password-hash@26 satd.todo@32
import React from 'react';
import { exec } from 'child_process';
import crypto from 'crypto';
import pino from 'pino';

const logger = pino();

export function AdminConsole({ rows }: { rows: string[] }): JSX.Element {
  return (
    <table>
      {/* TODO: paginate the rows */}
      {/* this is a temporary workaround until the payment API is fixed, remove it */}
      {rows.map((r) => <tr key={r}><td>{r}</td></tr>)}
    </table>
  );
}

export function handler(db: Db, req: Request, res: Response): string {
  db.query('SELECT id FROM users WHERE name = ' + req.query.name);
  db.query('SELECT id FROM users WHERE name = $1', [req.query.name]);
  eval(req.body.code);
  exec(`git clone ${req.body.repo}`);
  res.setHeader('Access-Control-Allow-Origin', '*');
  const agent = { rejectUnauthorized: false };
  return crypto.createHash('md5').update(req.body.password).digest('hex');
}

export function Safe({ name }: { name: string }): JSX.Element {
  res.setHeader('Access-Control-Allow-Origin', 'https://shop.example.com');
  logger.info('rendering', name);
  return <span title={name}>{name}</span>; // FIXME escape the name
}
