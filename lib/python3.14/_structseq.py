"""Struct sequences for gopy's native modules: tuples with named fields (os.stat_result,
time.struct_time, ...), as CPython's Objects/structseq.c makes them.

make(qualname, fields, n_sequence, repr_names=None): `fields` names every field; the
first n_sequence of them form the tuple (a None name is an unnamed field, reachable by
index only), the others are attributes only (None when not given; int_fallback maps such
an attribute to the index of the field it then copies).
"""


_dict = dict


def _readonly(self, value=None):
    raise AttributeError("readonly attribute")


def make(qualname, fields, n_sequence, repr_names=None, doc=None, int_fallback=None):
    module, _, name = qualname.rpartition(".")
    n_fields = len(fields)
    named = [f for f in fields if f is not None]
    n_unnamed = n_fields - len(named)
    visible = [f for f in fields[:n_sequence]]
    if repr_names is None:
        repr_names = visible
    extra = fields[n_sequence:]

    # CPython: structseq_new_impl (PySequence_Fast's message when the argument is not
    # iterable).
    def __new__(cls, sequence, dict=None):
        try:
            items = iter(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        seq = tuple(items)
        if dict is not None and not isinstance(dict, _dict):
            raise TypeError(f"{qualname}() takes a dict as second arg, if any")
        n = len(seq)
        if n < n_sequence:
            if n_sequence == n_fields:
                raise TypeError(f"{qualname}() takes a {n_sequence}-sequence ({n}-sequence given)")
            raise TypeError(f"{qualname}() takes an at least {n_sequence}-sequence ({n}-sequence given)")
        if n > n_fields:
            if n_sequence == n_fields:
                raise TypeError(f"{qualname}() takes a {n_sequence}-sequence ({n}-sequence given)")
            raise TypeError(f"{qualname}() takes an at most {n_fields}-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:n_sequence])
        attrs = self.__dict__
        for i, field in enumerate(extra):
            value = seq[n_sequence + i] if n_sequence + i < n else None
            if value is None and dict is not None:
                value = dict.get(field)
            if value is None and int_fallback and field in int_fallback:
                # os.stat_result: st_?time from the integer slot (CPython: statresult_new).
                value = seq[int_fallback[field]]
            attrs[field] = value
        return self

    def __repr__(self):
        parts = ", ".join(f"{n}={tuple.__getitem__(self, i)!r}" for i, n in enumerate(repr_names))
        return f"{qualname}({parts})"

    def __reduce__(self):
        return (type(self), (tuple(self), {f: self.__dict__[f] for f in extra}))

    # CPython: structseq_replace.
    def __replace__(self, /, **kwargs):
        if n_unnamed:
            raise TypeError(f"__replace__() is not supported for {qualname} because it has "
                            "unnamed field(s)")
        values = [kwargs.pop(f) if f in kwargs else getattr(self, f) for f in fields]
        if kwargs:
            raise TypeError(f"Got unexpected field name(s): {list(kwargs)!r}")
        return type(self)(values)

    # Fields are read-only members and the instances take no other attributes
    # (CPython: structseq members are Py_READONLY, the type has no __dict__).
    # (CPython: _PyObject_GenericSetAttrWithDict, for a set and for a delete alike).
    def __setattr__(self, name, value=None):
        if name in named:
            _readonly(self)
        raise AttributeError(f"'{qualname}' object has no attribute '{name}' and no __dict__ for "
                             "setting new attributes")

    def __delattr__(self, name):
        __setattr__(self, name)

    namespace = {
        "__new__": __new__, "__repr__": __repr__, "__reduce__": __reduce__, "__replace__": __replace__,
        "__setattr__": __setattr__, "__delattr__": __delattr__,
        "__module__": module, "__qualname__": name, "__doc__": doc,
        "n_sequence_fields": n_sequence, "n_fields": n_fields, "n_unnamed_fields": n_unnamed,
        "__match_args__": tuple(f for f in visible if f is not None),
    }
    for i, field in enumerate(fields[:n_sequence]):
        if field is not None and field not in extra:
            namespace[field] = property(lambda self, i=i: tuple.__getitem__(self, i), _readonly, _readonly)
    return type(name, (tuple,), namespace)
