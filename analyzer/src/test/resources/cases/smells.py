# expect: performance.select-star@10 security.sql-concatenation@10 security.sql-concatenation@12 security.tls-verification-off@13 security.dynamic-eval@15 security.shell-command-string@17 security.shell-command-string@19 security.weak-password-hash@20 security.debug-mode@23
import hashlib
import os
import subprocess

import requests


def handler(cursor, user_id, cmd, code, password):
    cursor.execute("SELECT * FROM users WHERE id = %s" % user_id)
    cursor.execute("SELECT id FROM users WHERE id = %s", (user_id,))
    cursor.execute(f"DELETE FROM users WHERE id = {user_id}")
    requests.get("https://api.example.org", verify=False)
    requests.get("https://api.example.org")
    eval(code)
    eval("1 + 1")
    os.system("rm -rf " + cmd)
    subprocess.run(["rm", "-rf", cmd])
    subprocess.call("ls " + cmd, shell=True)
    return hashlib.sha1(password.encode()).hexdigest()


DEBUG = True
