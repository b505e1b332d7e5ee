// The weakref module: _weakref's types and functions, and the containers and finalize
// (CPython: Lib/weakref.py, Lib/_weakrefset.py). Until gopy ships a standard library the
// containers are defined by Python source kept here and run when the module is made.
#include "gopy/eval.hpp"
#include "gopy/gc.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

namespace {

// The containers hold weak references whose callbacks remove dead entries; a callback
// reaches its container through a weak reference too, so a container never keeps itself
// alive (CPython: Lib/weakref.py).
constexpr const char kWeakrefSource[] = R"PY(
from _weakref import ref, proxy, getweakrefcount, getweakrefs, ReferenceType, ProxyType, CallableProxyType

ProxyTypes = (ProxyType, CallableProxyType)


def _value_remover(selfref, key):
    def remove(wr):
        self = selfref()
        if self is not None and self.data.get(key) is wr:
            del self.data[key]
    return remove


class WeakValueDictionary:
    def __init__(self, other=(), **kwargs):
        self.data = {}
        self.update(other, **kwargs)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value, _value_remover(ref(self), key))

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return len(self.keys())

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return "<WeakValueDictionary at " + hex(id(self)) + ">"

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        if o is None:
            return default
        return o

    def keys(self):
        return [k for k, wr in list(self.data.items()) if wr() is not None]

    def values(self):
        return [o for o in [wr() for wr in list(self.data.values())] if o is not None]

    def items(self):
        return [(k, o) for k, o in [(k, wr()) for k, wr in list(self.data.items())] if o is not None]

    def valuerefs(self):
        return list(self.data.values())

    def pop(self, key, *args):
        wr = self.data.pop(key, None)
        o = None if wr is None else wr()
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), **kwargs):
        if hasattr(other, "items"):
            other = other.items()
        for key, value in other:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def copy(self):
        return WeakValueDictionary(self.items())

    def clear(self):
        self.data.clear()


def _key_remover(selfref):
    def remove(wr):
        self = selfref()
        if self is not None:
            if isinstance(self.data, set):
                self.data.discard(wr)
            else:
                self.data.pop(wr, None)
    return remove


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        self._remove = _key_remover(ref(self))
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return len(self.keys())

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return "<WeakKeyDictionary at " + hex(id(self)) + ">"

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        return [k for k in [wr() for wr in list(self.data.keys())] if k is not None]

    def values(self):
        return [v for wr, v in list(self.data.items()) if wr() is not None]

    def items(self):
        return [(k, v) for k, v in [(wr(), v) for wr, v in list(self.data.items())] if k is not None]

    def keyrefs(self):
        return list(self.data.keys())

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, **kwargs):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for key, value in dict:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def copy(self):
        return WeakKeyDictionary(self.items())

    def clear(self):
        self.data.clear()


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        self._remove = _key_remover(ref(self))
        if data is not None:
            self.update(data)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def update(self, other):
        for item in other:
            self.add(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakSet(self)

    def pop(self):
        while True:
            wr = self.data.pop()
            item = wr()
            if item is not None:
                return item

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        return iter([item for item in [wr() for wr in list(self.data)] if item is not None])

    def __len__(self):
        return len([wr for wr in list(self.data) if wr() is not None])

    def __repr__(self):
        return "<WeakSet at " + hex(id(self)) + ">"


class _FinalizeInfo:
    pass


class finalize:
    _registry = {}
    _index = 0

    def __init__(self, obj, func, *args, **kwargs):
        info = _FinalizeInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        finalize._index = finalize._index + 1
        info.index = finalize._index
        finalize._registry[self] = info

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None:
            if info.kwargs:
                return info.func(*info.args, **info.kwargs)
            return info.func(*info.args)

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    def __getattr__(self, name):
        if name == "alive":
            return self in finalize._registry
        if name == "atexit":
            info = finalize._registry.get(self)
            return bool(info) and info.atexit
        raise AttributeError("'finalize' object has no attribute '" + name + "'")

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<finalize object at " + hex(id(self)) + "; dead>"
        return "<finalize object at " + hex(id(self)) + "; for " + repr(type(obj).__name__) + " at " + hex(id(obj)) + ">"
)PY";

}  // namespace

ModuleObject* create_weakref_module() {
  ModuleObject* m = new_module("weakref");
  Object* r = exec_source_in_module(kWeakrefSource, "<frozen weakref>", m);
  if (!r) {
    decref(m);
    return nullptr;
  }
  decref(r);
  return m;
}

}  // namespace gopy
