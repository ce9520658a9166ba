# expect: satd.todo@2 structure.commented-out-code@5
# TODO: handle pagination
# Returns the users of one page.
def users(page):
    # x = fetch(page)
    # y = x + 1
    # return y
    # print(y)
    # z = y * 2
    return page
