# expect: error-handling.empty-catch@11 error-handling.catch-all@15 error-handling.catch-all@19 error-handling.print-only-catch@23 observability.print@24 error-handling.process-exit@29
import logging
import sys

log = logging.getLogger(__name__)


def load(path):
    try:
        return open(path).read()
    except OSError:
        pass
    try:
        return parse(path)
    except Exception:
        return None
    try:
        return parse(path)
    except:
        log.warning("bad")
    try:
        return parse(path)
    except ValueError as e:
        print(e)
    try:
        return parse(path)
    except KeyError:
        raise
    sys.exit(3)


if __name__ == "__main__":
    print("running")
    sys.exit(0)
