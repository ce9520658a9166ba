# expect: structure.deep-nesting@2 structure.long-parameter-list@12
def nested(a):
    if a:
        for i in a:
            while i:
                with open(i) as f:
                    if f:
                        return f
    return None


def params(a, b, c, d, e, f, g):
    return a


def fine(a, b):
    if a:
        return b
    elif b:
        return a
    return None
