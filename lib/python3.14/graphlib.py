"""Topological sorting of a graph of hashable nodes: TopologicalSorter and CycleError."""
from types import GenericAlias

__all__ = ["TopologicalSorter", "CycleError"]

# A node's predecessor count doubles as its state once the sort has started.
_PASSED_OUT = -1   # returned by get_ready(), not yet done()
_DONE = -2         # marked done()


class _Node:
    __slots__ = ("node", "npredecessors", "successors")

    def __init__(self, node):
        self.node = node
        self.npredecessors = 0
        self.successors = []


class CycleError(ValueError):
    """Raised by TopologicalSorter.prepare when the graph has a cycle. args[1] is one cycle
    as a list of nodes, each an immediate predecessor of the next, the first repeated last."""


class TopologicalSorter:
    """Provides functionality to topologically sort a graph of hashable nodes"""

    def __init__(self, graph=None):
        self._nodes = {}          # node -> _Node, in the order nodes were first seen
        self._ready = None        # None until prepare()
        self._npassedout = 0
        self._nfinished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _info(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        """Add node with the given predecessors (added as nodes too when new); repeated
        calls for one node unite its predecessors. ValueError after prepare()."""
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._info(node)
        info.npredecessors += len(predecessors)
        for pred in predecessors:
            self._info(pred).successors.append(node)

    def prepare(self):
        """Finish the graph: CycleError if it has a cycle (get_ready still hands out what it
        can); nothing may be added after."""
        if self._npassedout > 0:
            raise ValueError("cannot prepare() after starting sort")
        if self._ready is None:
            self._ready = [i.node for i in self._nodes.values() if i.npredecessors == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        """Return a tuple of the nodes whose predecessors are all done, each once; an empty
        tuple when no more progress can be made."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready)
        for node in result:
            self._nodes[node].npredecessors = _PASSED_OUT
        self._ready.clear()
        self._npassedout += len(result)
        return result

    def is_active(self):
        """True while nodes are ready to hand out or handed out and not yet done."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        return self._nfinished < self._npassedout or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark nodes returned by get_ready() as processed, which may make successors ready."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        for node in nodes:
            info = self._nodes.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            if info.npredecessors >= 0:
                raise ValueError(f"node {node!r} was not passed out (still not ready)")
            if info.npredecessors == _DONE:
                raise ValueError(f"node {node!r} was already marked done")
            info.npredecessors = _DONE
            for successor in info.successors:
                succ = self._nodes[successor]
                succ.npredecessors -= 1
                if succ.npredecessors == 0:
                    self._ready.append(successor)
            self._nfinished += 1

    def _find_cycle(self):
        # Depth-first over successors, from each node in insertion order; a successor that
        # is on the current path closes the cycle reported.
        seen = set()
        for start in self._nodes:
            if start in seen:
                continue
            path, on_path, pending = [], {}, []
            node = start
            while True:
                if node in seen:
                    if node in on_path:
                        return path[on_path[node]:] + [node]
                else:
                    seen.add(node)
                    on_path[node] = len(path)
                    path.append(node)
                    pending.append(iter(self._nodes[node].successors))
                # The next successor to visit, backing up the path past exhausted nodes.
                while path:
                    node = next(pending[-1], _END)
                    if node is not _END:
                        break
                    del on_path[path.pop()]
                    pending.pop()
                else:
                    break
        return None

    def static_order(self):
        """Return an iterable of the nodes in a topological order (CycleError on a cycle);
        needs no prepare() or done()."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    __class_getitem__ = classmethod(GenericAlias)


_END = object()
