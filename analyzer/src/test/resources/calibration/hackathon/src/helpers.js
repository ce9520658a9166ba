// quick hack, temporary workaround until we have time
const API = 'http://192.168.1.50:8080/api';

function load(url) {
  return fetch(API + url).catch(() => {});
}

function save(x) {
  try {
    return JSON.stringify(x);
  } catch (e) {
  }
  console.log('saved');
  process.exit(1);
}

module.exports = { load, save };
