"""Binary search in sorted sequences, and insertion that keeps them sorted.

gopy: the functions are the native _bisect's.
"""

from _bisect import bisect_right, bisect_left, insort_right, insort_left

# The short names, as CPython's bisect module has them.
bisect = bisect_right
insort = insort_right
