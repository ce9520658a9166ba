// expect: config.connection-string@2 config.localhost-url@3 config.private-ip@4 config.hardcoded-port@6
const db = 'postgres://shop@db.prod:5432/shop';
const api = `http://localhost:3000/api`;
const ip = '192.168.1.20';
const fromEnv = process.env.API_URL;
app.listen(3000);
app.listen(process.env.PORT);
