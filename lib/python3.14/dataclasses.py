"""Data classes: classes whose methods come from their annotated fields (gopy's own
implementation; CPython 3.14's Lib/dataclasses.py describes the semantics).

The generated __init__, __repr__, __eq__, ordering, __hash__, __setattr__/__delattr__
are made from source text and exec'd once per class, so that their signatures and
argument errors are those of ordinary functions named after the class.
"""

import sys

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY",
           "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace",
           "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


# A sentinel instance, as CPython's: its repr is the default object repr.
KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    """A pseudo-field passed to __init__ and __post_init__ but not stored."""

    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f"dataclasses.InitVar[{type_name}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass; made by field() or from a class attribute."""

    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init",
                 "compare", "metadata", "kw_only", "doc", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only, doc):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else _readonly(metadata)
        self.kw_only = kw_only
        self.doc = doc
        self._field_type = None

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},"
                f"repr={self.repr!r},hash={self.hash!r},compare={self.compare!r},"
                f"metadata={self.metadata!r},kw_only={self.kw_only!r},doc={self.doc!r},"
                f"_field_type={self._field_type})")

    def __set_name__(self, owner, name):
        # A descriptor given as the default gets its __set_name__ call too.
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _readonly(mapping):
    try:
        from types import MappingProxyType
    except ImportError:
        return mapping
    return MappingProxyType(mapping)


_EMPTY_METADATA = _readonly({})


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args",
                 "kw_only", "slots", "weakref_slot")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                 slots, weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        self.match_args = match_args
        self.kw_only = kw_only
        self.slots = slots
        self.weakref_slot = weakref_slot

    def __repr__(self):
        return ("_DataclassParams(" + ",".join(f"{name}={getattr(self, name)!r}"
                                               for name in self.__slots__) + ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING, doc=None):
    """Describe a field: its default or default factory and which methods use it."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only, doc)


def _fields_in_init_order(fields):
    # Positional parameters first, then the keyword-only ones.
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


# --- generating methods ---------------------------------------------------------------

class _MethodMaker:
    """Collects method source text; make() execs it once and installs the functions."""

    def __init__(self, cls_globals):
        self.globals = cls_globals
        self.values = {}          # names the generated code refers to
        self.methods = []         # (name, source, overwrite_error)
        self.annotated = {}       # name -> the fields its __annotate__ reports

    def add(self, name, params, body, *, values=None, overwrite_error=False, decorator=None,
            annotation_fields=None):
        if annotation_fields is not None:
            self.annotated[name] = annotation_fields
        if values:
            self.values.update(values)
        text = f" @{decorator}\n" if decorator else ""
        text += f" def {name}({', '.join(params)}):\n" + "\n".join("  " + line for line in body)
        self.methods.append((name, text, overwrite_error))

    def make(self, cls):
        if not self.methods:
            return
        names = [name for name, _, _ in self.methods]
        arguments = ", ".join(self.values)
        source = (f"def __create_fn__({arguments}):\n"
                  + "\n".join(text for _, text, _ in self.methods)
                  + f"\n return ({', '.join(names)},)\n")
        namespace = dict(self.globals)
        exec(source, namespace)
        functions = namespace["__create_fn__"](**self.values)
        for (name, _, overwrite_error), fn in zip(self.methods, functions):
            fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
            if name in self.annotated:
                fn.__annotate__ = _method_annotate(cls, name, self.annotated[name])
            if _set_new_attribute(cls, name, fn) and overwrite_error:
                message = f"Cannot overwrite attribute {name} in class {cls.__name__}"
                if overwrite_error is not True:
                    message += " " + overwrite_error
                raise TypeError(message)


def _method_annotate(cls, method_name, names):
    # The generated method's __annotate__: the named fields' annotations as the class (and
    # its bases) give them in the format asked for, and 'return': None.
    # CPython: Lib/dataclasses.py _make_annotate_function
    def __annotate__(format, /):
        import annotationlib
        Format = annotationlib.Format
        if format not in (Format.VALUE, Format.FORWARDREF, Format.STRING):
            raise NotImplementedError(format)
        merged = {}
        for base in reversed(cls.__mro__):
            merged.update(annotationlib.get_annotations(base, format=format))
        result = {k: merged[k] for k in names if k in merged}
        result["return"] = "None" if format == Format.STRING else None
        return result
    __annotate__.__generated_by_dataclasses__ = True
    __annotate__.__qualname__ = f"{cls.__qualname__}.{method_name}.__annotate__"
    return __annotate__


def _set_new_attribute(cls, name, value):
    # Never replaces what the class defines itself; True when it was there.
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _init_method(maker, fields, std_fields, kw_only_fields, frozen, has_post_init,
                 self_name, slots):
    seen_default = None
    for f in std_fields:
        if f.init:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = f
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument "
                                f"{seen_default.name!r}")
    values = {"__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
              "__dataclass_builtins_object__": object}
    body = []
    for f in fields:
        line = _field_init_line(f, frozen, values, self_name, slots)
        if line:
            body.append(line)
    if has_post_init:
        initvars = ",".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f"{self_name}.{_POST_INIT_NAME}({initvars})")
    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ["*"] + [_init_param(f) for f in kw_only_fields]
    maker.add("__init__", params, body or ["pass"], values=values,
              annotation_fields=[f.name for f in fields if f.init])


def _init_param(f):
    if f.default is not MISSING:
        return f"{f.name}=__dataclass_dflt_{f.name}__"
    if f.default_factory is not MISSING:
        return f"{f.name}=__dataclass_HAS_DEFAULT_FACTORY__"
    return f.name


def _field_init_line(f, frozen, values, self_name, slots):
    # The statement of __init__ that sets this field, or None.
    default_name = f"__dataclass_dflt_{f.name}__"
    if f.default_factory is not MISSING:
        values[default_name] = f.default_factory
        if f.init:
            value = (f"{default_name}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ "
                     f"else {f.name}")
        else:
            value = f"{default_name}()"
    elif f.init:
        if f.default is not MISSING:
            values[default_name] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        values[default_name] = f.default
        value = default_name
    else:
        # Reads find the class attribute holding the default.
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    if frozen:
        return f"__dataclass_builtins_object__.__setattr__({self_name},{f.name!r},{value})"
    return f"{self_name}.{f.name}={value}"


def _recursive_repr(user_function):
    # A repr that shows '...' for an object already being shown higher up.
    running = set()

    def wrapper(self):
        key = (id(self), _thread_ident())
        if key in running:
            return "..."
        running.add(key)
        try:
            return user_function(self)
        finally:
            running.discard(key)
    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, name, getattr(user_function, name))
    wrapper.__wrapped__ = user_function
    return wrapper


def _thread_ident():
    try:
        import _thread
    except ImportError:
        return 0
    return _thread.get_ident()


def _repr_method(maker, fields):
    parts = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields)
    maker.add("__repr__", ["self"],
              [f'return f"{{self.__class__.__qualname__}}({parts})"'],
              values={"__dataclasses_recursive_repr__": _recursive_repr},
              decorator="__dataclasses_recursive_repr__")


def _tuple_text(obj_name, fields):
    if not fields:
        return "()"
    return "(" + ",".join(f"{obj_name}.{f.name}" for f in fields) + ",)"


def _frozen_methods(maker, cls, fields):
    values = {"__class__": cls, "FrozenInstanceError": FrozenInstanceError}
    condition = "type(self) is __class__"
    if fields:
        condition += " or name in {" + ", ".join(repr(f.name) for f in fields) + "}"
    maker.add("__setattr__", ["self", "name", "value"],
              [f"if {condition}:",
               ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
               "super(__class__, self).__setattr__(name, value)"],
              values=values, overwrite_error=True)
    maker.add("__delattr__", ["self", "name"],
              [f"if {condition}:",
               ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
               "super(__class__, self).__delattr__(name)"],
              values=values, overwrite_error=True)


def _hash_method(cls, fields, maker):
    maker.add("__hash__", ["self"], [f"return hash({_tuple_text('self', fields)})"])


def _hash_set_none(cls, fields, maker):
    return None


def _hash_add(cls, fields, maker):
    _hash_method(cls, [f for f in fields if (f.compare if f.hash is None else f.hash)], maker)
    return MISSING


def _hash_exception(cls, fields, maker):
    raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")


# (unsafe_hash, eq, frozen, has an explicit __hash__) -> what to do with __hash__.
# CPython: Lib/dataclasses.py _hash_action
_HASH_ACTIONS = {
    (False, False, False, False): None,
    (False, False, False, True): None,
    (False, False, True, False): None,
    (False, False, True, True): None,
    (False, True, False, False): _hash_set_none,
    (False, True, False, True): None,
    (False, True, True, False): _hash_add,
    (False, True, True, True): None,
    (True, False, False, False): _hash_add,
    (True, False, False, True): _hash_exception,
    (True, False, True, False): _hash_add,
    (True, False, True, True): _hash_exception,
    (True, True, False, False): _hash_add,
    (True, True, False, True): _hash_exception,
    (True, True, True, False): _hash_add,
    (True, True, True, True): _hash_exception,
}


# --- reading the class body -----------------------------------------------------------

def _string_annotation_is(annotation, cls, module, name):
    # A string annotation "X[...]" or "mod.X[...]" whose X, looked up in the class's module,
    # is `name` of `module` (typing.ClassVar, dataclasses.InitVar, dataclasses.KW_ONLY).
    # CPython: Lib/dataclasses.py _is_type
    text = annotation.lstrip()
    head = ""
    while text and (text[0].isalnum() or text[0] == "_"):
        head, text = head + text[0], text[1:]
    text = text.lstrip()
    owner_name = None
    if text.startswith("."):
        owner_name = head
        text = text[1:].lstrip()
        head = ""
        while text and (text[0].isalnum() or text[0] == "_"):
            head, text = head + text[0], text[1:]
    if not head:
        return False
    cls_module = sys.modules.get(cls.__module__)
    ns = getattr(cls_module, "__dict__", None) or {}
    if owner_name is None:
        return ns.get(head) is getattr(module, name, None)
    return ns.get(owner_name) is module and head == name


def _is_classvar(annotation, cls):
    typing = sys.modules.get("typing")
    if typing is None:
        return False
    classvar = getattr(typing, "ClassVar", None)
    if annotation is classvar or (classvar is not None and
                                  getattr(annotation, "__origin__", None) is classvar):
        return True
    return isinstance(annotation, str) and _string_annotation_is(annotation, cls, typing,
                                                                 "ClassVar")


def _is_initvar(annotation, cls):
    if annotation is InitVar or type(annotation) is InitVar:
        return True
    return isinstance(annotation, str) and _string_annotation_is(
        annotation, cls, sys.modules[__name__], "InitVar")


def _is_kw_only(annotation, cls):
    if annotation is KW_ONLY:
        return True
    return isinstance(annotation, str) and _string_annotation_is(
        annotation, cls, sys.modules[__name__], "KW_ONLY")


def _get_field(cls, name, annotation, kw_only):
    # The Field for one annotated name of the class body.
    # CPython: Lib/dataclasses.py _get_field
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == "member_descriptor":
            default = MISSING
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation, cls):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation, cls):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f"field {f.name} cannot have a default factory")
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f"field {f.name} is a ClassVar but specifies kw_only")
    if f._field_type is _FIELD and f.default is not MISSING and \
            type(f.default).__hash__ is None:
        raise ValueError(f"mutable default {type(f.default)} for field {f.name} is not "
                         f"allowed: use default_factory")
    return f


def _class_annotations(cls):
    # CPython: Lib/dataclasses.py _process_class reads them in the FORWARDREF format, so a
    # field annotated with a name defined later (the class itself) is still a field.
    ann = cls.__dict__.get("__annotations__")
    if ann is None:
        import annotationlib
        ann = annotationlib.get_annotations(cls, format=annotationlib.Format.FORWARDREF)
    return dict(ann) if ann else {}


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    # CPython: Lib/dataclasses.py _process_class
    fields = {}
    if cls.__module__ in sys.modules:
        cls_globals = sys.modules[cls.__module__].__dict__
    else:
        cls_globals = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen,
                                           match_args, kw_only, slots, weakref_slot))
    any_frozen_base = False
    all_frozen_bases = None
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current_frozen = getattr(base, _PARAMS).frozen
            all_frozen_bases = all_frozen_bases and current_frozen
            any_frozen_base = any_frozen_base or current_frozen
    annotations = _class_annotations(cls)
    cls_fields = []
    kw_only_seen = False
    for name, annotation in annotations.items():
        if _is_kw_only(annotation, cls):
            if kw_only_seen:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been "
                                f"specified")
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, annotation, kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if all_frozen_bases is False and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, _FIELDS, fields)
    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and "__eq__" in cls.__dict__))
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields, kw_only_init_fields = _fields_in_init_order(all_init_fields)
    maker = _MethodMaker(cls_globals)
    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = "__dataclass_self__" if "self" in fields else "self"
        _init_method(maker, all_init_fields, std_init_fields, kw_only_init_fields, frozen,
                     has_post_init, self_name, slots)
    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        _repr_method(maker, [f for f in field_list if f.repr])
    if eq:
        terms = [f"self.{f.name}==other.{f.name}" for f in field_list if f.compare]
        maker.add("__eq__", ["self", "other"],
                  ["if self is other:", " return True",
                   "if other.__class__ is self.__class__:",
                   f" return {' and '.join(terms) or 'True'}",
                   "return NotImplemented"])
    if order:
        compared = [f for f in field_list if f.compare]
        mine, theirs = _tuple_text("self", compared), _tuple_text("other", compared)
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            maker.add(name, ["self", "other"],
                      ["if other.__class__ is self.__class__:",
                       f" return {mine}{op}{theirs}",
                       "return NotImplemented"],
                      overwrite_error="Consider using functools.total_ordering")
    if frozen:
        _frozen_methods(maker, cls, field_list)
    action = _HASH_ACTIONS[bool(unsafe_hash), bool(eq), bool(frozen), has_explicit_hash]
    hash_result = action(cls, field_list, maker) if action else MISSING
    maker.make(cls)
    if hash_result is None:
        cls.__hash__ = None
    if not getattr(cls, "__doc__"):
        cls.__doc__ = _signature_text(cls, std_init_fields, kw_only_init_fields)
    _set_new_attribute(cls, "__replace__", _replace)
    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init_fields))
    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot, fields)
    abc = sys.modules.get("abc")
    if abc is not None and hasattr(abc, "update_abstractmethods"):
        abc.update_abstractmethods(cls)
    return cls


def _annotation_text(annotation):
    # As inspect.formatannotation shows an annotation in a signature.
    if isinstance(annotation, type) and type(annotation).__name__ != "GenericAlias":
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return f"{annotation.__module__}.{annotation.__qualname__}"
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, str):
        return repr(annotation)
    return repr(annotation)


def _signature_text(cls, std_fields, kw_only_fields):
    # Class(x: int, y: int = 0) -- the class's signature, as its default docstring.
    def param(f):
        text = f.name
        if f.type is not MISSING and f.type is not None:
            text += ": " + _annotation_text(f.type)
            sep = " = "
        else:
            sep = "="
        if f.default is not MISSING:
            text += sep + repr(f.default)
        elif f.default_factory is not MISSING:
            text += sep + "<factory>"
        return text
    params = [param(f) for f in std_fields]
    if kw_only_fields:
        params += ["*"] + [param(f) for f in kw_only_fields]
    return f"{cls.__name__}({', '.join(params)})"


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _add_slots(cls, is_frozen, weakref_slot, field_map):
    # A new class with __slots__ for the fields replaces the one given.
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in field_map.values() if f._field_type is _FIELD)
    inherited = set()
    for base in cls.__mro__[1:-1]:
        slots = base.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        inherited.update(slots)
    own = [name for name in field_names if name not in inherited]
    if weakref_slot and "__weakref__" not in inherited:
        own.append("__weakref__")
    cls_dict["__slots__"] = tuple(own)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop("__dict__", None)
    cls_dict.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    if is_frozen:
        if "__getstate__" not in cls_dict:
            new_cls.__getstate__ = _dataclass_getstate
        if "__setstate__" not in cls_dict:
            new_cls.__setstate__ = _dataclass_setstate
    # Methods that name __class__ (super(), the frozen __setattr__) see the new class.
    for value in cls_dict.values():
        closure = getattr(getattr(value, "__func__", value), "__closure__", None) or ()
        for cell in closure:
            try:
                if cell.cell_contents is cls:
                    cell.cell_contents = new_cls
            except (ValueError, AttributeError):
                pass   # an empty cell, or cells without a settable content
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or of one of its instances (no pseudo-fields)."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True for a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


# Values copied as they are: deepcopy would return them unchanged.
_ATOMIC_TYPES = frozenset({type(None), bool, int, float, str, complex, bytes, type(...),
                           type(NotImplemented), range, property, type})


def _deepcopy(obj):
    import copy
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict of its fields, recursively (values deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    obj_type = type(obj)
    if obj_type in _ATOMIC_TYPES:
        return obj
    if hasattr(obj_type, _FIELDS):
        if dict_factory is dict:
            return {f.name: _asdict_inner(getattr(obj, f.name), dict)
                    for f in fields(obj)}
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if obj_type is list:
        return [_asdict_inner(v, dict_factory) for v in obj]
    if obj_type is dict:
        return {_asdict_inner(k, dict_factory): _asdict_inner(v, dict_factory)
                for k, v in obj.items()}
    if obj_type is tuple:
        return tuple(_asdict_inner(v, dict_factory) for v in obj)
    if issubclass(obj_type, tuple):
        if hasattr(obj, "_fields"):
            # A named tuple: its constructor takes the fields positionally.
            return obj_type(*[_asdict_inner(v, dict_factory) for v in obj])
        return obj_type(_asdict_inner(v, dict_factory) for v in obj)
    if issubclass(obj_type, dict):
        if hasattr(obj_type, "default_factory"):
            result = obj_type(obj.default_factory)
            for k, v in obj.items():
                result[_asdict_inner(k, dict_factory)] = _asdict_inner(v, dict_factory)
            return result
        return obj_type((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                        for k, v in obj.items())
    if issubclass(obj_type, list):
        return obj_type(_asdict_inner(v, dict_factory) for v in obj)
    return _deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its fields, recursively (values deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    obj_type = type(obj)
    if obj_type in _ATOMIC_TYPES:
        return obj
    if hasattr(obj_type, _FIELDS):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return obj_type(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return obj_type(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        if hasattr(obj_type, "default_factory"):
            result = obj_type(obj.default_factory)
            for k, v in obj.items():
                result[_astuple_inner(k, tuple_factory)] = _astuple_inner(v, tuple_factory)
            return result
        return obj_type((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                        for k, v in obj.items())
    return _deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False, module=None,
                   decorator=dataclass):
    """A new dataclass named cls_name with the given fields: names, (name, type) or
    (name, type, Field) items."""
    namespace = {} if namespace is None else namespace.copy()
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f"Invalid field: {item!r}")
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        import keyword
        if keyword.iskeyword(name):
            raise TypeError(f"Field names must not be keywords: {name!r}")
        if name in seen:
            raise TypeError(f"Field name duplicated: {name!r}")
        seen.add(name)
        annotations[name] = tp
    body = dict(namespace)
    body.update(defaults)
    body["__annotations__"] = annotations
    body["__module__"] = module if module is not None else _caller_module()
    body.setdefault("__qualname__", cls_name)
    meta = type(bases[0]) if bases else type
    cls = meta(cls_name, tuple(bases), body)
    return decorator(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def _caller_module():
    for probe in ("_getframemodulename",):
        getter = getattr(sys, probe, None)
        if getter is not None:
            try:
                return getter(2) or "__main__"
            except ValueError:
                pass
    getframe = getattr(sys, "_getframe", None)
    if getframe is not None:
        try:
            return getframe(2).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            pass
    return "__main__"


def replace(obj, /, **changes):
    """A new object of obj's class, its fields replaced by changes."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    return _replace(obj, **changes)


def _replace(self, /, **changes):
    for f in getattr(self, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError(f"field {f.name} is declared with init=False, it cannot be "
                                f"specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise TypeError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(self, f.name)
    return self.__class__(**changes)
