import os

PASSWORD = "hunter2hunter2"
DEBUG = True


def run(cmd):
    # TODO clean this up
    try:
        os.system("curl " + cmd)
    except:
        pass
    print("done")
