// expect: config.connection-string@5 config.localhost-url@6 config.private-ip@7 security.token@8 security.credential-assignment@9 security.high-entropy@10 performance.select-star@11 config.localhost-url@21 config.hardcoded-port@29
import React from 'react';
import express from 'express';

const dbUrl = 'postgres://shop@db.prod:5432/shop';
const api = `http://localhost:3000/api`;
const cache = '192.168.1.20';
const slack = 'xoxb-123456789012-abcdefghijklmnop';
const config = { password: 'pa55word-live-9' };
const signing = '9fQ2xL7vP0aZ3kR8mW1tY6uB4nC5dE7gHh';
const query = 'SELECT * FROM settings';
const placeholder = { password: 'changeme' };
const fromEnv = process.env.API_URL;

export function SettingsPage({ user }: { user: string }): JSX.Element {
  return (
    <form action="/settings" method="post">
      <label htmlFor="name">Name</label>
      <input id="name" defaultValue={user} placeholder="https://example.com" />
      <a href="https://docs.example.com/settings">Help</a>
      <img src="http://localhost:8080/logo.png" alt="logo" />
      <p>This is a perfectly normal sentence inside JSX text.</p>
    </form>
  );
}

const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.listen(3000);
app.listen(process.env.PORT);
