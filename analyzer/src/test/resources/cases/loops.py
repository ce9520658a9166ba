# expect: performance.query-in-loop@9 performance.sleep-in-loop@10 performance.query-in-loop@12
import time

import requests


def load(ids, cursor):
    for i in ids:
        requests.get("https://api.example.org/users/" + i)
        time.sleep(1)
    while True:
        cursor.execute("SELECT name FROM users")
        break
    requests.get("https://api.example.org/users")
    time.sleep(1)
