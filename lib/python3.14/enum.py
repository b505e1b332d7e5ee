"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag (gopy's own implementation).

Semantics, reprs and error texts follow CPython 3.14's Lib/enum.py.
"""

import sys
import builtins as _bltns

__all__ = [
    "EnumType", "EnumMeta", "EnumDict",
    "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum",
    "auto", "unique", "property", "verify", "member", "nonmember",
    "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP",
    "global_flag_repr", "global_enum_repr", "global_str", "global_enum",
    "EnumCheck", "CONTINUOUS", "NAMED_FLAGS", "UNIQUE",
    "pickle_by_global_name", "pickle_by_enum_name", "show_flag_values",
]

# Bound once the classes exist; the metaclass checks them while they are being made.
Enum = ReprEnum = Flag = EJECT = KEEP = STRICT = CONFORM = None


class nonmember:
    """Protects item from becoming an Enum member during class creation."""

    def __init__(self, value):
        self.value = value


class member:
    """Forces item to become an Enum member during class creation."""

    def __init__(self, value):
        self.value = value


def _is_descriptor(obj):
    t = type(obj)
    return hasattr(t, "__get__") or hasattr(t, "__set__") or hasattr(t, "__delete__")


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == "__"
            and name[2] != "_" and name[-3] != "_")


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == "_"
            and name[1] != "_" and name[-2] != "_")


def _is_internal_class(cls_name, obj):
    # A class nested in the enum's body is an attribute, never a member.
    if not isinstance(obj, type):
        return False
    qualname = getattr(obj, "__qualname__", "")
    nested = f"{cls_name}.{getattr(obj, '__name__', '')}"
    return qualname == nested or qualname.endswith("." + nested)


def _is_private(cls_name, name):
    # A mangled private name: _ClassName__attr (not ending in a dunder).
    prefix = f"_{cls_name.lstrip('_')}__"
    return (len(name) > len(prefix) and name.startswith(prefix)
            and not name.endswith("__"))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _iter_bits_lsb(num):
    # The set bits of num, lowest first.
    while num:
        low = num & -num
        yield low
        num ^= low


def show_flag_values(value):
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """'0b0 101' style binary with a separate sign bit (two's complement below zero)."""
    width = num.bit_length()
    if num >= 0:
        sign = "0b0"
        digits = format(num, "b") if num else ""
    else:
        sign = "0b1"
        digits = format(num & ((1 << width) - 1), f"0{width}b")
    if max_bits is not None and len(digits) < max_bits:
        digits = sign[-1] * (max_bits - len(digits)) + digits
    return f"{sign} {digits}"


def _high_bit(value):
    return value.bit_length() - 1


class _not_given:
    def __repr__(self):
        return "<not given>"


_not_given = _not_given()


class _auto_null:
    def __repr__(self):
        return "_auto_null"


_auto_null = _auto_null()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"


class property:
    """An attribute that acts like property() on members and finds the member of the
    same name on the class (members may be named like Enum's own attributes)."""

    member = None
    _attr_type = None
    _cls_type = None

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget, self.fset, self.fdel = fget, fset, fdel
        self.__doc__ = doc if doc is not None else getattr(fget, "__doc__", None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, "__isabstractmethod__", False))

    def getter(self, fget):
        result = type(self)(fget, self.fset, self.fdel, None if self.overwrite_doc else self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.member is not None:
                return self.member
            raise AttributeError(f"{ownerclass!r} has no attribute {self.name!r}")
        if self.fget is not None:
            return self.fget(instance)
        if self._attr_type == "attr":
            return getattr(self._cls_type, self.name)
        if self._attr_type == "desc":
            return getattr(instance._value_, self.name)
        try:
            return ownerclass._member_map_[self.name]
        except KeyError:
            raise AttributeError(f"{ownerclass!r} has no attribute {self.name!r}") from None

    def __set__(self, instance, value):
        if self.fset is not None:
            return self.fset(instance, value)
        raise AttributeError(f"<enum {self.clsname!r}> cannot set attribute {self.name!r}")

    def __delete__(self, instance):
        if self.fdel is not None:
            return self.fdel(instance)
        raise AttributeError(f"<enum {self.clsname!r}> cannot delete attribute {self.name!r}")

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


_RESERVED_SUNDERS = frozenset((
    "_order_", "_generate_next_value_", "_numeric_repr_", "_missing_", "_ignore_",
    "_iter_member_", "_iter_member_by_value_", "_iter_member_by_def_",
    "_add_alias_", "_add_value_alias_"))


class EnumDict(dict):
    """The namespace of an enum's class body: records member names in order, gives
    auto() its value, and refuses a name defined twice."""

    def __init__(self, cls_name=None):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = cls_name

    def __setitem__(self, key, value):
        # CPython: Lib/enum.py EnumDict.__setitem__
        if self._cls_name is not None and _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in _RESERVED_SUNDERS and not key.startswith("_repr_"):
                raise ValueError(f"_sunder_ names, such as {key!r}, are reserved for "
                                 f"future Enum use")
            if key == "_generate_next_value_":
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined before members")
                self._generate_next_value = (value.__func__ if isinstance(value, staticmethod)
                                             else value)
            elif key == "_ignore_":
                value = value.replace(",", " ").split() if isinstance(value, str) else list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError(f"_ignore_ cannot specify already set names: {already!r}")
        elif _is_dunder(key):
            if key == "__order__":
                key = "_order_"
        elif key in self._member_names:
            raise TypeError(f"{key!r} already defined as {self[key]!r}")
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        elif self._cls_name is not None and _is_internal_class(self._cls_name, value):
            pass
        else:
            value = self._member_value(key, value)
        super().__setitem__(key, value)

    def _member_value(self, key, value):
        # key becomes a member: auto() values are generated here.
        if key in self:
            raise TypeError(f"{key!r} already defined as {self[key]!r}")
        if isinstance(value, member):
            value = value.value
        auto_generated = False
        single = isinstance(value, auto)
        parts = (value,) if single else value
        if isinstance(parts, tuple) and any(isinstance(v, auto) for v in parts):
            resolved = []
            for v in parts:
                if isinstance(v, auto):
                    auto_generated = True
                    if v.value is _auto_null:
                        v.value = self._generate_next_value(
                            key, 1, len(self._member_names), self._last_values[:])
                        self._auto_called = True
                    v = v.value
                    self._last_values.append(v)
                resolved.append(v)
            if single:
                value = resolved[0]
            else:
                kind = type(parts)
                try:
                    value = kind(resolved)
                except TypeError:
                    value = kind(*resolved)
        self._member_names[key] = None
        if not auto_generated:
            self._last_values.append(value)
        return value

    @_bltns.property
    def member_names(self):
        return list(self._member_names)

    def update(self, members, **more_members):
        try:
            for name in members.keys():
                self[name] = members[name]
        except AttributeError:
            for name, value in members:
                self[name] = value
        for name, value in more_members.items():
            self[name] = value


_EnumDict = EnumDict


def _mappingproxy(mapping):
    try:
        from types import MappingProxyType
    except ImportError:
        return dict(mapping)
    return MappingProxyType(mapping)


def _builtin_new(base):
    # Built-in types keep their constructor out of __dict__ here.
    return (getattr(base, "__module__", None) == "builtins"
            and getattr(base, "__new__", None) is not object.__new__)


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        namespace = EnumDict(cls)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            namespace["_generate_next_value_"] = getattr(first_enum, "_generate_next_value_",
                                                         None)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        # CPython: Lib/enum.py EnumType.__new__ (members made after the class, in order)
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        classdict.setdefault("_ignore_", []).append("_ignore_")
        for key in classdict["_ignore_"]:
            classdict.pop(key, None)
        member_names = list(classdict._member_names)
        invalid = [n for n in member_names if n in ("mro", "")]
        if invalid:
            raise ValueError("invalid enum member name(s) "
                             + ",".join(repr(n) for n in invalid))
        order = classdict.pop("_order_", None)
        gnv = classdict.get("_generate_next_value_")
        if gnv is not None and type(gnv) is not staticmethod:
            gnv = staticmethod(gnv)
        body = dict(classdict.items())
        if gnv is not None:
            body["_generate_next_value_"] = gnv
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        new_member, save_new, use_args = metacls._find_new_(body, member_type, first_enum)
        body["_new_member_"] = new_member
        body["_use_args_"] = use_args
        values = [(name, body.pop(name)) for name in member_names]
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        body["_hashable_values_"] = []
        body["_unhashable_values_"] = []
        body["_unhashable_values_map_"] = {}
        body["_member_type_"] = member_type
        body["_value_repr_"] = metacls._find_data_repr_(cls, bases)
        body["_boundary_"] = boundary or getattr(first_enum, "_boundary_", None)
        body["_flag_mask_"] = 0
        body["_singles_mask_"] = 0
        body["_all_bits_"] = 0
        body["_inverted_"] = None
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        for name, value in values:
            enum_class._make_member_(name, value)
        metacls._fix_methods_(enum_class, body, bases, member_type, first_enum)
        if save_new:
            enum_class.__new_member__ = new_member
        if Enum is not None:
            type.__setattr__(enum_class, "__new__", Enum.__new__)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if not is_flag and not (Flag is None and cls == "Flag"):
            for name in ("_boundary_", "_flag_mask_", "_singles_mask_", "_all_bits_",
                         "_inverted_"):
                type.__delattr__(enum_class, name)
        if order is not None:
            if isinstance(order, str):
                order = order.replace(",", " ").split()
            if is_flag:
                order = [o for o in order if o not in enum_class._member_map_
                         or _is_single_bit(enum_class[o]._value_)]
        if is_flag:
            in_definition = [m._value_ for m in enum_class]
            if in_definition != sorted(in_definition):
                enum_class._iter_member_ = enum_class._iter_member_by_def_
        if order:
            order = [o for o in order if o not in enum_class._member_map_
                     or o in enum_class._member_names_]
            if order != enum_class._member_names_:
                raise TypeError(f"member order does not match _order_:\n  "
                                f"{enum_class._member_names_!r}\n  {order!r}")
        return enum_class

    def _make_member_(cls, name, value):
        # One member from its class-body value; an equal value makes an alias.
        # CPython: Lib/enum.py _proto_member.__set_name__
        args = value if isinstance(value, tuple) else (value,)
        if cls._member_type_ is tuple:
            args = (args,)
        if cls._use_args_:
            new = cls._new_member_(cls, *args)
        else:
            new = cls._new_member_(cls)
        if not hasattr(new, "_value_"):
            if cls._member_type_ is object:
                new._value_ = value
            else:
                try:
                    new._value_ = cls._member_type_(*args)
                except Exception as exc:
                    error = TypeError("_value_ not set in __new__, unable to create it")
                    error.__cause__ = exc
                    raise error
        value = new._value_
        new._name_ = name
        new.__objclass__ = cls
        new.__init__(*args)
        new._sort_order_ = len(cls._member_names_)
        is_flag = Flag is not None and issubclass(cls, Flag)
        if is_flag and isinstance(value, int):
            cls._flag_mask_ |= value
            if _is_single_bit(value):
                cls._singles_mask_ |= value
            cls._all_bits_ = 2 ** cls._flag_mask_.bit_length() - 1
        canonical = cls._find_by_value_(value)
        if canonical is None:
            canonical = new
            if not is_flag or (isinstance(value, int) and _is_single_bit(value)):
                cls._member_names_.append(name)
        cls._add_member_(name, canonical)
        try:
            cls._value2member_map_.setdefault(value, canonical)
            if value not in cls._hashable_values_:
                cls._hashable_values_.append(value)
        except TypeError:
            cls._unhashable_values_.append(value)
            cls._unhashable_values_map_.setdefault(name, []).append(value)

    def _find_by_value_(cls, value):
        try:
            return cls._value2member_map_.get(value)
        except TypeError:
            for existing in cls._member_map_.values():
                if existing._value_ == value:
                    return existing
            return None

    @staticmethod
    def _fix_methods_(enum_class, body, bases, member_type, first_enum):
        # Members print as enums unless the class (or a ReprEnum) says otherwise; flags
        # get Flag's operators ahead of a mixed-in int's.
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError("ReprEnum subclasses must be mixed with a data type "
                                "(i.e. int, str, float, etc.)")
            if "__format__" not in body:
                type.__setattr__(enum_class, "__format__", member_type.__format__)
                body["__format__"] = member_type.__format__
            if "__str__" not in body:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, "__str__", method)
                body["__str__"] = method
        for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
            if name in body:
                continue
            enum_method = getattr(first_enum, name, None)
            found = getattr(enum_class, name, None)
            if found is None or found is getattr(object, name, None) or \
                    found is getattr(member_type, name, None) or \
                    found == getattr(member_type, name, None):
                if enum_method is not None:
                    type.__setattr__(enum_class, name, enum_method)
        if Flag is not None and issubclass(enum_class, Flag):
            for name in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__",
                         "__invert__"):
                if name not in body:
                    type.__setattr__(enum_class, name, Flag.__dict__[name])

    def __bool__(cls):
        return True

    def __call__(cls, value, names=_not_given, *values, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        """Look a member up by value, or (the functional API) make a new enum class."""
        if cls._member_map_:
            if names is not _not_given:
                value = (value, names) + values
            return cls.__new__(cls, value)
        if names is _not_given and type is None:
            raise TypeError(f"{cls} has no members; specify `names=()` if you meant to "
                            f"create a new, empty, enum")
        return cls._create_(value, None if names is _not_given else names, module=module,
                            qualname=qualname, type=type, start=start, boundary=boundary)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        if issubclass(cls, Flag):
            try:
                return isinstance(cls._missing_(value), cls)
            except ValueError:
                pass
        return value in cls._unhashable_values_ or value in cls._hashable_values_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = {"__class__", "__contains__", "__doc__", "__getitem__", "__iter__",
                       "__len__", "__members__", "__module__", "__name__", "__qualname__"}
        interesting.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            interesting.add("__new__")
        if cls.__init_subclass__ is not object.__init_subclass__:
            interesting.add("__init_subclass__")
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_bltns.property
    def __members__(cls):
        """A read-only mapping of member names (aliases included) to members."""
        return _mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        # The functional API: Enum('Color', 'RED GREEN') and friends.
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs = []
            last_values = []
            for count, name in enumerate(names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                pairs.append((name, value))
            names = pairs
        if names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                classdict[item] = names[item]
            else:
                member_name, member_value = item
                classdict[member_name] = member_value
        if module is None:
            module = _caller_module()
        if module is not None:
            classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def _convert_(cls, name, module, filter, source=None, *, boundary=None, as_global=False):
        """Make an enum of a module's constants that pass filter() and export it there."""
        module_globals = sys.modules[module].__dict__
        source = source.__dict__ if source else module_globals
        members = [(key, value) for key, value in source.items() if filter(key)]
        try:
            members.sort(key=lambda t: (t[1], t[0]))
        except TypeError:
            members.sort(key=lambda t: t[0])
        new = cls._create_(name, members, module=module, boundary=boundary or KEEP)
        if as_global:
            global_enum(new)
        else:
            module_globals.update(new.__members__)
        module_globals[name] = new
        return new

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError(f"<enum {class_name!r}> cannot extend {base!r}")

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        if not bases:
            return object, Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base._value_repr_
                if "__repr__" in base.__dict__:
                    params = base.__dict__.get("__dataclass_params__")
                    if "__dataclass_fields__" in base.__dict__ and params is not None \
                            and params.repr:
                        return _dataclass_repr
                    return base.__dict__["__repr__"]
                if _builtin_new(base):
                    return base.__repr__
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        data_types = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        if base._member_type_ not in data_types:
                            data_types.append(base._member_type_)
                        break
                elif ("__new__" in base.__dict__ or "__dataclass_fields__" in base.__dict__
                      or _builtin_new(base)):
                    found = candidate or base
                    if found not in data_types:
                        data_types.append(found)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError(f"too many data types for {class_name!r}: {set(data_types)!r}")
        return data_types[0] if data_types else None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        # The constructor of members: the class's own __new__, a saved __new_member__,
        # or the data type's __new__.
        new = classdict.get("__new__", None)
        save_new = first_enum is not None and new is not None
        if isinstance(new, staticmethod):
            new = new.__func__
        if new is None:
            skip = (None, None.__new__, object.__new__,
                    Enum.__new__ if Enum is not None else None)
            for method in ("__new_member__", "__new__"):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if not any(target is s for s in skip):
                        new = target
                        break
                if new is not None:
                    break
            else:
                new = object.__new__
        use_args = not (first_enum is None or new is object.__new__
                        or (Enum is not None and new is Enum.__new__))
        return new, save_new, use_args

    def _add_member_(cls, name, member):
        # CPython: Lib/enum.py EnumType._add_member_
        if name in cls._member_map_:
            if cls._member_map_[name] is not member:
                raise NameError(f"{name!r} is already bound: {cls._member_map_[name]!r}")
            return
        found_descriptor = None
        descriptor_type = None
        class_type = None
        for base in cls.__mro__[1:]:
            attr = base.__dict__.get(name)
            if attr is None:
                continue
            if isinstance(attr, property):
                found_descriptor, class_type, descriptor_type = attr, base, "enum"
                break
            if _is_descriptor(attr):
                found_descriptor = attr
                descriptor_type = descriptor_type or "desc"
                class_type = class_type or base
                continue
            descriptor_type, class_type = "attr", base
        if found_descriptor:
            redirect = property()
            redirect.member = member
            redirect.__set_name__(cls, name)
            if descriptor_type in ("enum", "desc"):
                redirect.fget = getattr(found_descriptor, "fget", None)
                redirect.fset = getattr(found_descriptor, "fset", None)
                redirect.fdel = getattr(found_descriptor, "fdel", None)
            redirect._attr_type = descriptor_type
            redirect._cls_type = class_type
            type.__setattr__(cls, name, redirect)
        else:
            type.__setattr__(cls, name, member)
        cls._member_map_[name] = member


EnumMeta = EnumType


def _caller_module():
    # The module that called the functional API, when the interpreter can tell.
    try:
        return sys._getframemodulename(3)
    except (AttributeError, ValueError):
        pass
    try:
        return sys._getframe(3).f_globals["__name__"]
    except (AttributeError, ValueError, KeyError):
        return None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        # Members all exist already: this finds one (Color(3)), or asks _missing_.
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for name, unhashable in cls._unhashable_values_map_.items():
                if value in unhashable:
                    return cls[name]
            for name, existing in cls._member_map_.items():
                if value == existing._value_:
                    return cls[name]
        if not cls._member_map_:
            raise TypeError(f"{cls!r} has no members defined")
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
                and isinstance(result, int)):
            return result
        not_valid = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        if result is None and exc is None:
            raise not_valid
        if exc is None:
            exc = TypeError(f"error in {cls.__name__}._missing_: returned {result!r} "
                            f"instead of None or a valid member")
        if not isinstance(exc, ValueError):
            exc.__context__ = not_valid
        raise exc

    def _add_alias_(self, name):
        self.__class__._add_member_(name, self)

    def _add_value_alias_(self, value):
        cls = self.__class__
        existing = cls._find_by_value_(value)
        if existing is not None:
            if existing is not self:
                raise ValueError(f"{value!r} is already bound: {existing!r}")
            return
        try:
            cls._value2member_map_.setdefault(value, self)
            cls._hashable_values_.append(value)
        except TypeError:
            cls._unhashable_values_.append(value)
            cls._unhashable_values_map_.setdefault(self.name, []).append(value)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """One more than the largest value so far, or start."""
        if not last_values:
            return start
        try:
            last_value = sorted(last_values).pop()
        except TypeError:
            raise TypeError("unable to sort non-numeric values") from None
        try:
            return last_value + 1
        except TypeError:
            raise TypeError(f"unable to increment {last_value!r}") from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return f"<{self.__class__.__name__}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __dir__(self):
        interesting = set()
        if self.__class__._member_type_ is not object:
            interesting = set(object.__dir__(self))
        for name in getattr(self, "__dict__", []):
            if name[0] != "_" and name not in self._member_map_:
                interesting.add(name)
        for cls in self.__class__.mro():
            for name, obj in cls.__dict__.items():
                if name[0] == "_":
                    continue
                if isinstance(obj, property):
                    if obj.fget is not None or name not in self._member_map_:
                        interesting.add(name)
                    else:
                        interesting.discard(name)
                elif name not in self._member_map_:
                    interesting.add(name)
        return sorted({"__class__", "__doc__", "__eq__", "__hash__", "__module__"}
                      | interesting)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f"too many arguments for str(): {values!r}")
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f"{values[0]!r} is not a string")
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError(f"encoding must be a string, not {values[1]!r}")
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError(f"errors must be a string, not {values[2]!r}")
        value = str(*values)
        result = str.__new__(cls, value)
        result._value_ = value
        return result

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The lower-cased member name."""
        return name.lower()


def pickle_by_global_name(self, proto):
    return self.name


_reduce_ex_by_global_name = pickle_by_global_name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)


class FlagBoundary(StrEnum):
    """How out-of-range values are handled: strict (Flag's default), conform, eject,
    keep (IntFlag's default)."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Support for flags."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The next power of two above the highest value so far."""
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError(f"invalid flag value {last_value!r}") from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        for bit in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(bit)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        # A pseudo-member for a combination of flags (or for bits the boundary allows).
        # CPython: Lib/enum.py Flag._missing_
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            boundary = cls._boundary_
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(f"{cls!r} invalid value {value!r}\n    given "
                                 f"{bin(value, width)}\n  allowed {bin(flag_mask, width)}")
            if boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError(f"{cls!r} unknown flag boundary {boundary!r}")
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError(f"{cls.__name__}({value!r}) -->  unknown values {unknown!r} "
                             f"[{bin(unknown)}]")
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, "_value_"):
            pseudo._value_ = value
        if member_value or aliases:
            members = list(cls._iter_member_(member_value))
            combined = 0
            for m in members:
                combined |= m._value_
            if aliases:
                value = member_value | aliases
                for m in cls._member_map_.values():
                    if m not in members and m._value_ and m._value_ & value == m._value_:
                        members.append(m)
                        combined |= m._value_
            unknown = value ^ combined
            pseudo._name_ = "|".join(m._name_ for m in members)
            if not combined:
                pseudo._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError(f"{cls!r}: no members with value {unknown!r}")
            elif unknown:
                pseudo._name_ += f"|{cls._numeric_repr_(unknown)}"
        else:
            pseudo._name_ = None
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"{type(other).__qualname__!r} and "
                            f"{self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return f"<{cls_name}: {v_repr(self._value_)}>"
        return f"<{cls_name}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def _combine(self, other, op, sign):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        for flag in (self, other):
            if self._get_value(flag) is None:
                raise TypeError(f"'{flag}' cannot be combined with other flags with {sign}")
        return self.__class__(op(self._value_, other_value))

    def __or__(self, other):
        return self._combine(other, lambda a, b: a | b, "|")

    def __and__(self, other):
        return self._combine(other, lambda a, b: a & b, "&")

    def __xor__(self, other):
        return self._combine(other, lambda a, b: a ^ b, "^")

    def __invert__(self):
        if self._get_value(self) is None:
            raise TypeError(f"'{self}' cannot be inverted")
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = [(name, m.name) for name, m in enumeration.__members__.items()
                  if name != m.name]
    if duplicates:
        details = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {details}")
    return enumeration


def _dataclass_repr(self):
    fields = self.__dataclass_fields__
    return ", ".join(f"{k}={getattr(self, k)!r}" for k in fields.keys() if fields[k].repr)


def global_enum_repr(self):
    """module.NAME instead of Class.NAME."""
    module = self.__class__.__module__.split(".")[-1]
    return f"{module}.{self._name_}"


def global_flag_repr(self):
    """module.NAME (and module.A|module.B) instead of Class.NAME."""
    module = self.__class__.__module__.split(".")[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return f"{module}.{cls_name}({self._value_!r})"
    if _is_single_bit(self._value_):
        return f"{module}.{self._name_}"
    if self._boundary_ is not FlagBoundary.KEEP:
        return "|".join(f"{module}.{name}" for name in self.name.split("|"))
    return "|".join(n if n[0].isdigit() else f"{module}.{n}" for n in self._name_.split("|"))


def global_str(self):
    """NAME instead of Class.NAME."""
    if self._name_ is None:
        return f"{self.__class__.__name__}({self._value_!r})"
    return self._name_


def global_enum(cls, update_str=False):
    """Decorator: members print as module.NAME and join the module's globals."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator that converts a plain class into an enum of etype."""
    def convert_class(cls):
        body = {}
        members = []
        for name, value in cls.__dict__.items():
            if name in ("__dict__", "__weakref__"):
                continue
            if _is_dunder(name) or _is_private(cls.__name__, name) or _is_sunder(name) \
                    or _is_descriptor(value):
                body[name] = value
            else:
                members.append((name, value))
        namespace = type(etype).__prepare__(cls.__name__, (etype,))
        for name, value in body.items():
            if name not in ("__module__", "__qualname__", "__doc__"):
                namespace[name] = value
        for name, value in members:
            namespace[name] = value
        namespace["__module__"] = cls.__module__
        namespace["__qualname__"] = cls.__qualname__
        if cls.__doc__ is not None:
            namespace["__doc__"] = cls.__doc__
        return type(etype)(cls.__name__, (etype,), namespace, boundary=boundary)
    return convert_class


class EnumCheck(StrEnum):
    """Various conditions to check an enumeration for."""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Check an enumeration for various constraints (see EnumCheck)."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        cls_name = enumeration.__name__
        if Flag is not None and issubclass(enumeration, Flag):
            enum_type = "flag"
        elif issubclass(enumeration, Enum):
            enum_type = "enum"
        else:
            raise TypeError("the 'verify' decorator only works with Enum and Flag")
        for check in self.checks:
            if check is UNIQUE:
                duplicates = [(name, m.name) for name, m in enumeration.__members__.items()
                              if name != m.name]
                if duplicates:
                    details = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
                    raise ValueError(f"aliases found in {enumeration!r}: {details}")
            elif check is CONTINUOUS:
                values = set(e.value for e in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                if enum_type == "flag":
                    missing = [2 ** i for i in range(_high_bit(low) + 1, _high_bit(high))
                               if 2 ** i not in values]
                else:
                    missing = [i for i in range(low + 1, high) if i not in values]
                if missing:
                    text = (f"invalid {enum_type} {cls_name!r}: missing values "
                            + ", ".join(str(m) for m in missing))
                    raise ValueError(text[:256])
            elif check is NAMED_FLAGS:
                member_names = enumeration._member_names_
                member_values = [m.value for m in enumeration]
                missing_names = []
                missing_value = 0
                for name, alias in enumeration._member_map_.items():
                    if name in member_names or alias.value < 0:
                        continue
                    missed = [v for v in _iter_bits_lsb(alias.value) if v not in member_values]
                    if missed:
                        missing_names.append(name)
                        for v in missed:
                            missing_value |= v
                if missing_names:
                    if len(missing_names) == 1:
                        alias = f"alias {missing_names[0]} is missing"
                    else:
                        alias = (f"aliases {', '.join(missing_names[:-1])} and "
                                 f"{missing_names[-1]} are missing")
                    if _is_single_bit(missing_value):
                        value = f"value 0x{missing_value:x}"
                    else:
                        value = f"combined values of 0x{missing_value:x}"
                    raise ValueError(f"invalid Flag {cls_name!r}: {alias} {value} "
                                     f"[use enum.show_flag_values(value) for details]")
        return enumeration
