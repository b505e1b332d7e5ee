"""Heap queues: lists kept so that heap[0] is the smallest item (or, with the *_max
functions, the largest), each item no greater than its children heap[2*k+1] and
heap[2*k+2].

gopy: the heap operations are the native _heapq's; merge, nlargest and nsmallest are here.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop',
           'heappush_max', 'heappop_max', 'heapify_max', 'heapreplace_max',
           'heappushpop_max']

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    heappush_max, heappop_max, heapify_max, heapreplace_max,
                    heappushpop_max)


# The private names of earlier versions, kept as CPython keeps them.
_heappop_max = heappop_max
_heapreplace_max = heapreplace_max
_heappush_max = heappush_max
_heappushpop_max = heappushpop_max
_heapify_max = heapify_max


# The sift helpers of CPython's pure-Python heapq, which programs call to fix a heap after
# changing one of its items (heap[i] = x; _siftdown(heap, 0, i) or _siftup(heap, i)). The
# same steps as the native functions, so that the heap's layout is CPython's.

def _siftdown(heap, startpos, pos):
    """Move heap[pos] up towards startpos while it is smaller than its parent."""
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not item < parent:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


def _siftup(heap, pos):
    """Move the smaller child up until a leaf is reached, put heap[pos] there and sift it
    back down to its place (Floyd's method: fewer comparisons)."""
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    """_siftdown for a max-heap."""
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not parent < item:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


def _siftup_max(heap, pos):
    """_siftup for a max-heap."""
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Yield the items of the sorted iterables in sorted order, lazily.

    key orders items by key(item); reverse=True merges inputs sorted largest first.
    Equal items come in the order of their inputs.
    """
    # Each entry of the heap is [key, order, value, next]: `order` (the input's index,
    # negated when reversed) keeps the merge stable and never lets two values be compared.
    if reverse:
        push, pop, replace, make = heappush_max, heappop_max, heapreplace_max, heapify_max
        sign = -1
    else:
        push, pop, replace, make = heappush, heappop, heapreplace, heapify
        sign = 1
    entries = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            entries.append([value if key is None else key(value), order * sign, value, it.__next__])
            break
    make(entries)
    while len(entries) > 1:
        while True:
            entry = entries[0]
            yield entry[2]
            try:
                value = entry[3]()
            except StopIteration:
                pop(entries)
                break
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace(entries, entry)
    if entries:
        # The last input: the rest of it in order.
        entry = entries[0]
        yield entry[2]
        next_value = entry[3]
        while True:
            try:
                value = next_value()
            except StopIteration:
                return
            yield value


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n] gives them."""
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n] gives them."""
    return _select(n, iterable, key, True)


def _select(n, iterable, key, largest):
    # The n best as sorted() would order them (stable: among equal keys, the earliest
    # first), kept in a heap of the worst of them, which each better item replaces.
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        pick = max if largest else min
        result = pick(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    if n <= 0:
        return []
    it = iter(iterable)
    # Entries are (key, order, value); the order breaks ties by arrival and is negated for
    # nlargest, so that the heap's worst entry is at its top either way.
    if largest:
        make, replace, worse = heapify, heapreplace, lambda a, b: a < b
        step = -1
    else:
        make, replace, worse = heapify_max, heapreplace_max, lambda a, b: b < a
        step = 1
    heap = []
    order = 0
    for value in it:
        heap.append((value if key is None else key(value), order, value))
        order += step
        if len(heap) == n:
            break
    if not heap:
        return []
    make(heap)
    top = heap[0][0]
    for value in it:
        k = value if key is None else key(value)
        if worse(top, k):
            replace(heap, (k, order, value))
            top = heap[0][0]
        order += step
    result = [entry[2] for entry in sorted(heap, reverse=largest)]
    return result
