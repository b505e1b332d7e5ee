"""Shallow and deep copies of objects: copy(x), deepcopy(x, memo) and replace(x, **changes).

Classes take part through __copy__, __deepcopy__, __replace__, or the pickling
protocol (__reduce_ex__, __reduce__, __getnewargs__, __getstate__, __setstate__);
copy.Error is raised for what cannot be copied.
"""

import types
import _weakref as weakref  # the ref type only; weakref itself is costlier to import
from copyreg import dispatch_table, __newobj__, __newobj_ex__

class Error(Exception):
    pass
error = Error  # the old name

__all__ = ["Error", "copy", "deepcopy", "replace"]


# object's own reductions (gopy's object may have none: then every class without its
# own is reduced by _object_reduce).
_object_reduce_ex = getattr(object, "__reduce_ex__", None)
_object_reduce_fn = getattr(object, "__reduce__", None)

# Built-in types reduced to a call of the type on a plain value of their contents.
_builtin_reductions = {
    set: list,
    frozenset: list,
    bytearray: bytes,
}


def _reduction(x, cls):
    # What pickling would record for x: copyreg's table first, then x's own
    # __reduce_ex__(4) or __reduce__, then object's protocol-2 reduction.
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reduce_ex = getattr(cls, "__reduce_ex__", None)
    reduce = getattr(cls, "__reduce__", None)
    if reduce_ex is not None and reduce_ex is not _object_reduce_ex:
        return x.__reduce_ex__(4)
    if reduce is not None and reduce is not _object_reduce_fn:
        return x.__reduce__()
    return _object_reduce(x, cls)


# The __reduce__ of built-in types gopy's kernel does not give one (CPython:
# Objects/classobject.c method_reduce, Objects/sliceobject.c slice_reduce).
_kernel_reductions = {
    types.MethodType: lambda x: (getattr, (x.__self__, x.__func__.__name__)),
    slice: lambda x: (slice, (x.start, x.stop, x.step)),
}


def _object_reduce(x, cls):
    # object.__reduce_ex__(4) (CPython: Objects/typeobject.c reduce_newobj): the class,
    # its __new__ arguments, the state, and the items of a list or dict subclass.
    reductor = _kernel_reductions.get(cls)
    if reductor is not None:
        return reductor(x)
    if isinstance(x, BaseException):
        # BaseException.__reduce__: the class called on the args, then the attributes.
        return cls, x.args, getattr(x, '__dict__', None) or None
    for base in cls.__mro__:
        contents = _builtin_reductions.get(base)
        if contents is not None:
            return cls, (contents(x),), getattr(x, '__dict__', None) or None
    if cls.__module__ == 'builtins' and not hasattr(x, '__dict__'):
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    getnewargs_ex = getattr(x, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
        if kwargs:
            func, newargs = __newobj_ex__, (cls, tuple(args), kwargs)
        else:
            func, newargs = __newobj__, (cls, *args)
    else:
        getnewargs = getattr(x, "__getnewargs__", None)
        args = getnewargs() if getnewargs is not None else ()
        func, newargs = __newobj__, (cls, *args)
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None:
        state = getstate()
    else:
        state = _default_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return func, newargs, state, listitems, dictitems


def _default_state(x, cls):
    # object.__getstate__: the instance dict (None when empty), with the __slots__
    # values beside it as (dict, slots).
    d = getattr(x, "__dict__", None)
    state = dict(d) if d else None
    slots = {}
    for klass in cls.__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = f"_{klass.__name__.lstrip('_')}{name}"
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return state, slots
    return state


def copy(x):
    """A shallow copy of x."""
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        return _copy_immutable(x)  # classes are shared, as types are

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduction(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}

def _copy_immutable(x):
    return x
for t in (types.NoneType, int, float, bool, complex, str, tuple,
          bytes, frozenset, type, range, slice, property,
          types.BuiltinFunctionType, types.EllipsisType,
          types.NotImplementedType, types.FunctionType, types.CodeType,
          weakref.ref, super):
    d[t] = _copy_immutable

d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
d[bytearray] = bytearray.copy

del d, t

def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps the id of each object copied so far to its copy."""
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """

    cls = type(x)

    if cls in _atomic_types:
        return x

    d = id(x)
    if memo is None:
        memo = {}
    else:
        y = memo.get(d, _nil)
        if y is not _nil:
            return y

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = x  # classes are shared
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduction(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
    # Memoize real copies only; x is kept alive so that its id stays its own.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y

_atomic_types = {types.NoneType, types.EllipsisType, types.NotImplementedType,
          int, float, bool, complex, bytes, str, types.CodeType, type, range,
          types.BuiltinFunctionType, types.FunctionType, weakref.ref, property}

_deepcopy_dispatch = d = {}


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list

def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # A tuple is not memoized itself, but copying its items may have copied it
    # already (a cycle through a mutable item).
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple

def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict

def _deepcopy_method(x, memo): # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))
d[types.MethodType] = _deepcopy_method

del d

def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    We store a reference at the id of the memo, which should
    normally not be used unless someone tries to deepcopy
    the memo itself...
    """
    # The memo keeps the originals alive under its own id: an id is a key only
    # while its object lives.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]

def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y

del types, weakref


def replace(obj, /, **changes):
    """A new object like obj with the given fields changed (its class's __replace__)."""
    """Return a new object replacing specified fields with new values.

    This is especially useful for immutable objects, like named tuples or
    frozen dataclasses.
    """
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
