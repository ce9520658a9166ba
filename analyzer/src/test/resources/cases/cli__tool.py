# expect: none
import sys

print("usage: tool")
sys.exit(1)
