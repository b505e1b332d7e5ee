"""Support for type hints at run time: gopy's typing, with CPython 3.14's behaviour.

TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Union and GenericAlias are the kernel's
types (the ones PEP 695 syntax makes); the rest is here.
"""

import collections.abc
import sys
from annotationlib import ForwardRef, Format
import annotationlib as _annotationlib

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'TypeVarTuple', 'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager',
    'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection',
    'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match',
    'Pattern', 'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'evaluate_forward_ref', 'final', 'get_args', 'get_origin',
    'get_overloads', 'get_protocol_members', 'get_type_hints', 'is_protocol',
    'is_typeddict', 'LiteralString', 'Never', 'NewType', 'no_type_check',
    'no_type_check_decorator', 'NoDefault', 'NoReturn', 'NotRequired', 'overload',
    'override', 'ParamSpecArgs', 'ParamSpecKwargs', 'ReadOnly', 'Required', 'reveal_type',
    'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'TypeIs',
    'TypeAliasType', 'Unpack',
]


# ---- the kernel's typing objects, reached through the syntax that makes them ----

def _kernel_type_params[_T, **_P, *_Ts]():
    pass


type _KernelAlias = int
_T0, _P0, _Ts0 = _kernel_type_params.__type_params__
TypeVar = type(_T0)
ParamSpec = type(_P0)
TypeVarTuple = type(_Ts0)
ParamSpecArgs = type(_P0.args)
ParamSpecKwargs = type(_P0.kwargs)
TypeAliasType = type(_KernelAlias)
Union = type(int | None)
_GenericAliasType = type(list[int])
NoDefault = _T0.__default__
del _kernel_type_params, _KernelAlias, _T0, _P0, _Ts0

_FunctionType = type(lambda: None)
_NoneType = type(None)


def _type_convert(arg, module=None, *, allow_special_forms=False, owner=None):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return _make_forward_ref(arg, module=module, is_class=allow_special_forms, owner=owner)
    return arg


def _make_forward_ref(code, *, parent_fwdref=None, **kwargs):
    return ForwardRef(code, **kwargs)


def _type_check(arg, msg, is_argument=True, module=None, *, allow_special_forms=False,
                owner=None):
    """arg as a type (None becomes NoneType, a str a ForwardRef), or a TypeError."""
    invalid = (Generic, Protocol)
    if not allow_special_forms:
        invalid += (ClassVar,)
        if is_argument:
            invalid += (Final,)
    arg = _type_convert(arg, module=module, allow_special_forms=allow_special_forms,
                        owner=owner)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in invalid:
        raise TypeError(f'{arg} is not valid as type argument')
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError(f'Plain {arg} is not valid as type argument')
    if type(arg) is tuple:
        raise TypeError(f'{msg} Got {arg!r:.100}.')
    return arg


def _type_repr(obj):
    """How an object appears inside a typing repr."""
    if isinstance(obj, type) and not isinstance(obj, _GenericAliasType):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    if isinstance(obj, tuple):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


def _is_type_param(t):
    return isinstance(t, (TypeVar, ParamSpec, TypeVarTuple))


def _collect_type_parameters(args):
    """The TypeVars, ParamSpecs and TypeVarTuples in args, in first-seen order."""
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if _is_type_param(t):
            if t not in params:
                params.append(t)
        elif isinstance(t, (list, tuple)):
            for p in _collect_type_parameters(t):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(t, '__parameters__', ()) or ():
                if p not in params:
                    params.append(p)
    return tuple(params)


def _deduplicate(params):
    seen = []
    for p in params:
        if p not in seen:
            seen.append(p)
    return seen


# ---- special forms ----

class _Final:
    """Classes that cannot be subclassed."""

    __slots__ = ('__weakref__',)

    def __init_subclass__(cls, /, *args, _root=False, **kwds):
        if '_root' not in kwds and not _root:
            raise TypeError('Cannot subclass special typing classes')


class _NotIterable:
    __slots__ = ()
    __iter__ = None


class _SpecialForm(_Final, _NotIterable, _root=True):
    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


class _TypedCacheSpecialForm(_SpecialForm, _root=True):
    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        return self._getitem(self, *parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    """Special type indicating functions that never return."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Never(self, parameters):
    """The bottom type, a type that has no members."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Self(self, parameters):
    """Used to spell the type of "self" in classes."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def LiteralString(self, parameters):
    """Represents an arbitrary literal string."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def ClassVar(self, parameters):
    """Special type construct to mark class variables."""
    item = _type_check(parameters, f'{self} accepts only single type.', allow_special_forms=True)
    return _GenericAlias(self, (item,))


@_SpecialForm
def Final(self, parameters):
    """Special typing construct to indicate final names to type checkers."""
    item = _type_check(parameters, f'{self} accepts only single type.', allow_special_forms=True)
    return _GenericAlias(self, (item,))


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is equivalent to Union[X, None]."""
    arg = _type_check(parameters, f'{self} requires a single type.')
    return Union[arg, type(None)]


@_TypedCacheSpecialForm
def Literal(self, *parameters):
    """Special typing form to define literal types (a.k.a. value types)."""
    values = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            values.extend(p.__args__)
        else:
            values.append(p)
    unique = []
    for v in values:
        if not any(type(v) is type(u) and v == u for u in unique):
            unique.append(v)
    return _LiteralGenericAlias(self, tuple(unique))


@_SpecialForm
def TypeAlias(self, parameters):
    """Special form for marking type aliases."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Concatenate(self, parameters):
    """Special form for annotating higher-order functions."""
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not (parameters[-1] is ... or isinstance(parameters[-1], ParamSpec)):
        raise TypeError('The last parameter to Concatenate should be a '
                        'ParamSpec variable or ellipsis.')
    msg = 'Concatenate[arg, ...]: each arg must be a type.'
    parameters = (*(_type_check(p, msg) for p in parameters[:-1]), parameters[-1])
    return _ConcatenateGenericAlias(self, parameters)


@_SpecialForm
def TypeGuard(self, parameters):
    """Special typing construct for marking user-defined type predicate functions."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def TypeIs(self, parameters):
    """Special typing construct for marking user-defined type predicate functions."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Required(self, parameters):
    """A special typing construct to mark a key of a total=False TypedDict as required."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def NotRequired(self, parameters):
    """A special typing construct to mark a key of a TypedDict as potentially missing."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def ReadOnly(self, parameters):
    """A special typing construct to mark an item of a TypedDict as read-only."""
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Unpack(self, parameters):
    """Type unpack operator."""
    item = _type_check(parameters, f'{self._name} accepts only single type.')
    return _UnpackGenericAlias(origin=self, args=(item,))


# ---- generic aliases ----

class _BaseGenericAlias(_Final, _root=True):
    """The common part of List[int] and of the bare List."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and
                                                    issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not (attr.startswith('__') and
                                                  attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if (attr.startswith('__') and attr.endswith('__')) or \
                attr in {'_name', '_inst', '_nparams', '_defaults'}:
            object.__setattr__(self, attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __dir__(self):
        return list(set(object.__dir__(self) + [a for a in dir(self.__origin__)
                                                if not a.startswith('_')]))


class _GenericAlias(_BaseGenericAlias, _root=True):
    """A subscripted generic: List[int], Stack[int], ClassVar[int], ..."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_type_parameters(args)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f'Cannot subscript already-subscripted {self}')
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        params = self.__parameters__
        args = _prepare_paramspec_args(params, args)
        _check_generic_specialization(self, args)
        args = _apply_defaults(params, args)
        mapping = dict(zip(params, args))
        return self.copy_with(tuple(_substitute(a, mapping) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join([_type_repr(a) for a in self.__args__])
        else:
            args = '()'
        return f'{name}[{args}]'

    def __reduce__(self):
        return (_getitem_of, (self.__origin__, self.__args__))

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f'Cannot subclass {self!r}')
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __iter__(self):
        yield Unpack[self]


def _check_generic_specialization(cls, arguments):
    """A TypeError when the argument count does not fit the parameters (and defaults)."""
    expected_len = len(cls.__parameters__)
    if not expected_len:
        raise TypeError(f'{cls} is not a generic class')
    actual_len = len(arguments)
    if actual_len == expected_len:
        return
    if any(isinstance(p, TypeVarTuple) for p in cls.__parameters__):
        # A TypeVarTuple takes what the other parameters leave, maybe nothing.
        # CPython: Lib/typing.py _typevartuple_prepare_subst
        if actual_len >= expected_len - 1:
            return
        raise TypeError(f"Too few arguments for {cls}; actual {actual_len}, "
                        f"expected at least {expected_len - 1}")
    if actual_len < expected_len:
        # the parameters from here on all have defaults, or the call is short
        if cls.__parameters__[actual_len].has_default():
            return
        expected_len -= sum(p.has_default() for p in cls.__parameters__)
        expect_val = f'at least {expected_len}'
    else:
        expect_val = expected_len
    raise TypeError(f"Too {'many' if actual_len > expected_len else 'few'} arguments"
                    f" for {cls}; actual {actual_len}, expected {expect_val}")


def _prepare_paramspec_args(params, args):
    # A ParamSpec's argument: a list becomes a tuple, and a class whose only parameter is
    # a ParamSpec takes its arguments as that one list (Z[int, str] == Z[[int, str]]).
    # CPython: Lib/typing.py _paramspec_prepare_subst
    for i, p in enumerate(params):
        if not isinstance(p, ParamSpec):
            continue
        if len(params) == 1 and args and not _is_param_expr(args[0]):
            return (tuple(args),)
        if i < len(args) and isinstance(args[i], list):
            args = (*args[:i], tuple(args[i]), *args[i + 1:])
    return args


def _apply_defaults(params, args):
    if len(args) >= len(params):
        return args
    # A TypeVarTuple with no default stands for no arguments.
    return tuple(args) + tuple(p.__default__ for p in params[len(args):]
                               if p.has_default() or not isinstance(p, TypeVarTuple))


def _getitem_of(origin, args):
    return origin[args]


def _substitute(arg, mapping):
    if _is_type_param(arg):
        return mapping.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg.copy_with(tuple(_substitute(a, mapping) for a in arg.__args__))
    if isinstance(arg, _GenericAliasType) and arg.__parameters__:
        return arg.__origin__[tuple(_substitute(a, mapping) for a in arg.__args__)]
    if isinstance(arg, Union):
        return Union[tuple(_substitute(a, mapping) for a in arg.__args__)]
    if isinstance(arg, list):
        return [_substitute(a, mapping) for a in arg]
    return arg


class _TypingEllipsis:
    """Internal placeholder for ... (ellipsis)."""


class _SpecialGenericAlias(_NotIterable, _BaseGenericAlias, _root=True):
    """The bare List, Dict, ...: subscripting gives a _GenericAlias."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self._defaults = defaults
        if origin.__module__ == 'builtins':
            self.__doc__ = f'A generic version of {origin.__qualname__}.'
        else:
            self.__doc__ = f'A generic version of {origin.__module__}.{origin.__qualname__}.'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, msg) for p in params)
        if (self._defaults and len(params) < self._nparams and
                len(params) + len(self._defaults) >= self._nparams):
            params = (*params, *self._defaults[len(params) - self._nparams:])
        actual = len(params)
        if actual != self._nparams:
            if self._defaults:
                expected = f'at least {self._nparams - len(self._defaults)}'
            else:
                expected = str(self._nparams)
            if not self._nparams:
                raise TypeError(f'{self} is not a generic class')
            raise TypeError(f"Too {'many' if actual > self._nparams else 'few'} arguments "
                            f"for {self}; actual {actual}, expected {expected}")
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))


class _CallableGenericAlias(_NotIterable, _GenericAlias, _root=True):
    def __repr__(self):
        if len(self.__args__) == 2 and _is_param_expr(self.__args__[0]):
            return super().__repr__()
        args = ', '.join(_type_repr(a) for a in self.__args__[:-1])
        return f'typing.Callable[[{args}], {_type_repr(self.__args__[-1])}]'

    def __reduce__(self):
        args = self.__args__
        if not (len(args) == 2 and _is_param_expr(args[0])):
            args = list(args[:-1]), args[-1]
        return _getitem_of, (Callable, args)

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name,
                                     inst=self._inst)


def _is_param_expr(arg):
    return arg is ... or isinstance(arg, (tuple, list, ParamSpec, _ConcatenateGenericAlias))


class _CallableType(_SpecialGenericAlias, _root=True):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name,
                                     inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        else:
            params = (args, result)
        return self.__getitem_inner__(params)

    def __getitem_inner__(self, params):
        args, result = params
        msg = 'Callable[args, result]: result must be a type.'
        result = _type_check(result, msg)
        if args is Ellipsis:
            return self.copy_with((_TypingEllipsis, result))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(arg) for arg in args)
        return self.copy_with((*args, result))


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = 'Tuple[t, ...]: t must be a type.'
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with((*params, _TypingEllipsis))
        msg = 'Tuple[t0, t1, ...]: each t must be a type.'
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(_value_and_type(a) for a in self.__args__) == \
            set(_value_and_type(a) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset(_value_and_type(a) for a in self.__args__))


def _value_and_type(v):
    return v, type(v)


class _ConcatenateGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        if isinstance(params[-1], (list, tuple)):
            return (*params[:-1], *params[-1])
        return super().copy_with(params)


class _UnpackGenericAlias(_GenericAlias, _root=True):
    def __init__(self, origin, args):
        super().__init__(origin, args)

    def __repr__(self):
        return f'typing.Unpack[{_type_repr(self.__args__[0])}]'

    @property
    def __typing_unpacked_tuple_args__(self):
        arg, = self.__args__
        if isinstance(arg, (_GenericAlias, _GenericAliasType)):
            if arg.__origin__ is not tuple:
                raise TypeError('Unpack[...] must be used with a tuple type')
            return arg.__args__
        return None


class _AnnotatedAlias(_NotIterable, _GenericAlias, _root=True):
    """Annotated[T, metadata...]: T carrying metadata."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin, name='Annotated')
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[{}, {}]'.format(
            _type_repr(self.__origin__), ', '.join(repr(a) for a in self.__metadata__))

    def __reduce__(self):
        return _getitem_of, (Annotated, (self.__origin__,) + self.__metadata__)

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in {'__name__', '__qualname__'}:
            return 'Annotated'
        return super().__getattr__(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


@_TypedCacheSpecialForm
def Annotated(self, *params):
    """Add context-specific metadata to a type: Annotated[int, 'meta']."""
    if len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    origin = _type_check(params[0], 'Annotated[t, ...]: t must be a type.',
                         allow_special_forms=True)
    return _AnnotatedAlias(origin, tuple(params[1:]))


# ---- Generic and Protocol ----

class Generic:
    """Abstract base class for generic types: class Stack(Generic[T]): ..."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(_is_type_param(p) or isinstance(p, _UnpackGenericAlias)
                       for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type '
                                f'variables or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        else:
            params = _prepare_paramspec_args(cls.__parameters__, params)
            _check_generic_specialization(cls, params)
            params = _apply_defaults(cls.__parameters__, params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol' and
                     type(cls).__name__ != '_TypedDictMeta')
        if error:
            raise TypeError('Cannot inherit from plain Generic')
        if '__orig_bases__' in cls.__dict__:
            tvars = list(_collect_type_parameters(cls.__orig_bases__))
            gvars = None
            for base in cls.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol):
                    if gvars is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple times.')
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    s_vars = ', '.join(str(t) for t in missing)
                    s_args = ', '.join(str(g) for g in gvars)
                    the_base = [b for b in cls.__orig_bases__
                                if isinstance(b, _GenericAlias) and
                                b.__origin__ in (Generic, Protocol)][0].__origin__.__name__
                    raise TypeError(f'Some type variables ({s_vars}) are not listed in '
                                    f'{the_base}[{s_args}]')
                tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


try:
    from abc import ABCMeta as _ABCMeta, abstractmethod as _abstractmethod
except ImportError:  # abc is not there yet: protocols then skip the ABC machinery
    _ABCMeta = type

    def _abstractmethod(f):
        f.__isabstractmethod__ = True
        return f

_PROTO_ALLOWLIST = {
    'collections.abc': [
        'Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable', 'AsyncIterator',
        'Hashable', 'Sized', 'Container', 'Collection', 'Reversible', 'Buffer',
    ],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
    'io': ['Reader', 'Writer'],
    'os': ['PathLike'],
}

_SPECIAL_PROTOCOL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
    '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
    '__match_args__', '__static_attributes__', '__firstlineno__', '__annotate__',
    '__annotate_func__', '__annotations_cache__', '__parameters__', '__orig_bases__',
    '__protocol_attrs__', '__non_callable_proto_members__', '__type_params__',
    '_is_protocol', '_is_runtime_protocol', '__qualname__', '__abstractmethods__',
    '_abc_impl', '__orig_class__', '__callable_proto_members_only__',
})


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in {'Protocol', 'Generic'}:
            continue
        annotations = base.__dict__.get('__annotations__', {})
        if '__annotate_func__' in base.__dict__ or '__annotate__' in base.__dict__:
            try:
                annotations = base.__annotations__
            except Exception:
                annotations = {}
        for attr in (*base.__dict__, *annotations):
            if not attr.startswith('_abc_') and attr not in _SPECIAL_PROTOCOL_NAMES:
                attrs.add(attr)
    return attrs


class _ProtocolMeta(_ABCMeta):

    def __init__(cls, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(cls, '_is_protocol', False):
            cls.__protocol_attrs__ = _get_protocol_attrs(cls)

    def __subclasscheck__(cls, other):
        if cls is Protocol:
            return type.__subclasscheck__(cls, other)
        if getattr(cls, '_is_protocol', False) and not _allow_reckless_class_checks():
            if not getattr(cls, '_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            if cls.__non_callable_proto_members__:
                raise TypeError("Protocols with non-method members don't support "
                                "issubclass(). Non-method members: " +
                                str(cls.__non_callable_proto_members__)[1:-1] + '.')
            return all(any(attr in base.__dict__ for base in other.__mro__)
                       for attr in cls.__protocol_attrs__) or \
                _base_subclasscheck(cls, other)
        return _base_subclasscheck(cls, other)

    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return type.__instancecheck__(cls, instance) if hasattr(type, '__instancecheck__') \
                else isinstance(instance, Protocol)
        if not getattr(cls, '_is_protocol', False):
            return _base_instancecheck(cls, instance)
        if not getattr(cls, '_is_runtime_protocol', False) and not _allow_reckless_class_checks():
            raise TypeError('Instance and class checks can only be used with '
                            '@runtime_checkable protocols')
        if _abc_checking(_base_instancecheck, cls, instance):
            return True
        for attr in cls.__protocol_attrs__:
            try:
                val = getattr(instance, attr)
            except AttributeError:
                break
            if val is None and attr not in cls.__non_callable_proto_members__:
                break
        else:
            return True
        return False


def _base_instancecheck(cls, instance):
    if _ABCMeta is not type:
        return _ABCMeta.__instancecheck__(cls, instance)
    return cls in type(instance).__mro__


def _base_subclasscheck(cls, other):
    if _ABCMeta is not type:
        return _ABCMeta.__subclasscheck__(cls, other)
    return cls in getattr(other, '__mro__', ())


# How many abc instance checks are running: the class checks abc makes for them are
# allowed, as CPython allows checks whose caller is the abc module (it looks at frames).
_abc_check_depth = 0


def _abc_checking(check, cls, obj):
    global _abc_check_depth
    _abc_check_depth += 1
    try:
        return check(cls, obj)
    finally:
        _abc_check_depth -= 1


def _allow_reckless_class_checks(depth=2):
    # CPython: Lib/typing.py _allow_reckless_class_checks (a caller in abc or functools).
    return _abc_check_depth > 0


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping)."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (usable with isinstance)."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, '
                        'got %r' % cls)
    cls._is_runtime_protocol = True
    cls.__non_callable_proto_members__ = set()
    for attr in cls.__protocol_attrs__:
        try:
            is_callable = callable(getattr(cls, attr, None))
        except Exception as e:
            raise TypeError(f'Failed to determine whether protocol member {attr!r} '
                            'is a method member') from e
        if not is_callable:
            cls.__non_callable_proto_members__.add(attr)
    return cls


def is_protocol(tp, /):
    """Whether tp is a protocol class."""
    return (isinstance(tp, type) and getattr(tp, '_is_protocol', False)
            and tp is not Protocol and tp is not Generic)


def get_protocol_members(tp, /):
    """The protocol's members, as a frozenset."""
    if not is_protocol(tp):
        raise TypeError(f'{tp!r} is not a Protocol')
    return frozenset(tp.__protocol_attrs__)


# ---- the aliases of the builtin and collections.abc classes ----

_alias = _SpecialGenericAlias
_abc = collections.abc

Hashable = _alias(_abc.Hashable, 0)
Awaitable = _alias(_abc.Awaitable, 1)
Coroutine = _alias(_abc.Coroutine, 3)
AsyncIterable = _alias(_abc.AsyncIterable, 1)
AsyncIterator = _alias(_abc.AsyncIterator, 1)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Sized = _alias(_abc.Sized, 0)
Container = _alias(_abc.Container, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _alias(_abc.Set, 1, name='AbstractSet')
MutableSet = _alias(_abc.MutableSet, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
ByteString = _alias(getattr(_abc, 'ByteString', bytes), 0, name='ByteString')
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(collections.deque, 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(_abc.MappingView, 1)
KeysView = _alias(_abc.KeysView, 1)
ItemsView = _alias(_abc.ItemsView, 2)
ValuesView = _alias(_abc.ValuesView, 1)
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _alias(collections.OrderedDict, 2)
Counter = _alias(collections.Counter, 1)
ChainMap = _alias(collections.ChainMap, 2)
Generator = _alias(_abc.Generator, 3, defaults=(type(None), type(None)))
AsyncGenerator = _alias(_abc.AsyncGenerator, 2, defaults=(type(None),))
Type = _alias(type, 1, inst=False, name='Type')
del _alias


class _LazyAlias:
    """ContextManager and AsyncContextManager: contextlib is imported on first use."""

    def __init__(self, name, attr, nparams, defaults):
        self.args = name, attr, nparams, defaults

    def make(self):
        import contextlib
        name, attr, nparams, defaults = self.args
        return _SpecialGenericAlias(getattr(contextlib, attr), nparams, name=name,
                                    defaults=defaults)


_LAZY = {
    'ContextManager': _LazyAlias('ContextManager', 'AbstractContextManager', 2, (bool | None,)),
    'AsyncContextManager': _LazyAlias('AsyncContextManager', 'AbstractAsyncContextManager', 2,
                                      (bool | None,)),
}


def __getattr__(name):
    if name in _LAZY:
        value = _LAZY[name].make()
        globals()[name] = value
        return value
    if name in ('Pattern', 'Match'):
        import re
        value = _SpecialGenericAlias(getattr(re, name), 1)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'typing' has no attribute '{name}'")


# ---- protocols of the numeric and other special methods ----

@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    @_abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    @_abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    @_abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    @_abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    @_abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol):
    """An ABC with one abstract method __abs__ that is covariant in its return type."""
    __slots__ = ()

    @_abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol):
    """An ABC with one abstract method __round__ that is covariant in its return type."""
    __slots__ = ()

    @_abstractmethod
    def __round__(self, ndigits: int = 0):
        pass


# ---- NamedTuple ----

_PROHIBITED_NAMEDTUPLE = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                                    '_fields', '_field_defaults', '_make', '_replace',
                                    '_asdict', '_source'})
_SPECIAL_NAMEDTUPLE = frozenset({'__module__', '__name__', '__annotations__',
                                 '__annotate__', '__annotate_func__',
                                 '__annotations_cache__'})


def _make_nmtuple(name, fields, annotate, module, defaults=()):
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    types = annotate(Format.VALUE) if callable(annotate) else annotate
    nm_tpl.__annotations__ = dict(types)
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        bases = tuple(tuple if base is _NamedTuple else base for base in bases)
        if '__annotations__' in ns:
            types = ns['__annotations__']
        else:
            annotate = _annotationlib.get_annotate_from_class_namespace(ns)
            types = annotate(Format.VALUE) if annotate is not None else {}
        msg = 'field annotation must be a type'
        types = {n: _type_check(t, msg, module=ns['__module__']) for n, t in types.items()}
        field_names = list(types)
        default_names = []
        for field_name in field_names:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, field_names, types, module=ns['__module__'],
                               defaults=[ns[n] for n in default_names])
        nm_tpl.__bases__ = bases
        if Generic in bases:
            nm_tpl.__class_getitem__ = classmethod(Generic.__class_getitem__.__func__)
        for key, val in ns.items():
            if key in _PROHIBITED_NAMEDTUPLE:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _SPECIAL_NAMEDTUPLE and key not in nm_tpl._fields:
                setattr(nm_tpl, key, val)
                set_name = getattr(type(val), '__set_name__', None)
                if set_name is not None:
                    set_name(val, nm_tpl, key)
        if Generic in bases:
            # Generic's __init_subclass__ takes the parameters from __orig_bases__.
            nm_tpl.__init_subclass__()
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of collections.namedtuple: class syntax or NamedTuple('P', [...])."""
    if fields is None:
        if kwargs:
            raise TypeError('Creating NamedTuple classes using keyword arguments is not '
                            'supported in 3.14; use the class syntax or pass a list of '
                            '(name, type) pairs')
        fields = []
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to NamedTuple, '
                        'not both')
    types = {n: _type_check(t, f'field {n} annotation must be a type')
             for n, t in (fields.items() if isinstance(fields, dict) else fields)}
    module = _caller_module()
    return _make_nmtuple(typename, list(types), types, module=module)


def _caller_module(depth=2, default='__main__'):
    getframe = getattr(sys, '_getframemodulename', None)
    if getframe is not None:
        try:
            return getframe(depth) or default
        except (AttributeError, ValueError):
            pass
    return default


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    assert NamedTuple in bases
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# ---- TypedDict ----

def _get_typeddict_qualifiers(annotation_type):
    while True:
        if isinstance(annotation_type, _AnnotatedAlias):
            annotation_type = annotation_type.__origin__
        elif isinstance(annotation_type, _GenericAlias) and \
                annotation_type.__origin__ in (Required, NotRequired, ReadOnly):
            yield annotation_type.__origin__
            annotation_type = annotation_type.__args__[0]
        else:
            break


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        generic_base = (Generic,) if any(issubclass(b, Generic) for b in bases) else ()
        ns_annotations = ns.pop('__annotations__', None)
        annotate = _annotationlib.get_annotate_from_class_namespace(ns)
        for key in ('__annotate__', '__annotate_func__'):
            ns.pop(key, None)
        tp_dict = type.__new__(_TypedDictMeta, name, (*generic_base, dict), ns)
        if not hasattr(tp_dict, '__orig_bases__'):
            tp_dict.__orig_bases__ = bases
        if ns_annotations is not None:
            own = ns_annotations
        elif annotate is not None:
            own = annotate(Format.VALUE)
        else:
            own = {}
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own = {n: _type_check(tp, msg, owner=tp_dict, module=tp_dict.__module__)
               for n, tp in own.items()}
        required_keys = set()
        optional_keys = set()
        readonly_keys = set()
        mutable_keys = set()
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            base_required = base.__dict__.get('__required_keys__', set())
            required_keys |= base_required
            optional_keys -= base_required
            base_optional = base.__dict__.get('__optional_keys__', set())
            required_keys -= base_optional
            optional_keys |= base_optional
            readonly_keys.update(base.__dict__.get('__readonly_keys__', ()))
            mutable_keys.update(base.__dict__.get('__mutable_keys__', ()))
        annotations.update(own)
        for key, annotation_type in own.items():
            qualifiers = set(_get_typeddict_qualifiers(annotation_type))
            if Required in qualifiers:
                is_required = True
            elif NotRequired in qualifiers:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(key)
                optional_keys.discard(key)
            else:
                optional_keys.add(key)
                required_keys.discard(key)
            if ReadOnly in qualifiers:
                if key in mutable_keys:
                    raise TypeError(f'Cannot override mutable key {key!r} with read-only key')
                readonly_keys.add(key)
            else:
                mutable_keys.add(key)
                readonly_keys.discard(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        tp_dict.__readonly_keys__ = frozenset(readonly_keys)
        tp_dict.__mutable_keys__ = frozenset(mutable_keys)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, /, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True):
    """A dict with typed keys: class syntax or TypedDict('Movie', {'name': str})."""
    if fields is None:
        fields = {}
    ns = {'__annotations__': dict(fields), '__module__': _caller_module()}
    td = _TypedDictMeta(typename, (), ns, total=total)
    td.__orig_bases__ = (TypedDict,)
    return td


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


# ---- NewType ----

class NewType:
    """NewType('UserId', int): a distinct type to checkers, the identity at run time."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = _caller_module()

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(f'Cannot subclass an instance of NewType. Perhaps you were '
                                f'looking for: `{subclass_name} = NewType({subclass_name!r}, '
                                f'{superclass_name})`')
        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ---- functions ----

def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm that val has the inferred type typ."""
    return val


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def reveal_type(obj, /):
    """Print the run-time type of obj on stderr and return it."""
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @overload-decorated '
        'functions outside a stub module should always be followed by an implementation '
        'that is not @overload-ed.')


def overload(func):
    """Decorator for overloaded functions/methods."""
    f = getattr(func, '__func__', func)
    try:
        key = (f.__module__, f.__qualname__)
        _overload_registry.setdefault(key, []).append(func)
    except AttributeError:
        pass
    return _overload_dummy


def get_overloads(func):
    """The overloads recorded for func."""
    f = getattr(func, '__func__', func)
    key = (getattr(f, '__module__', None), getattr(f, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    """Forget all recorded overloads."""
    _overload_registry.clear()


def final(f):
    """Decorator marking methods and classes final (sets __final__)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    """Decorator marking a method as overriding one of a base class."""
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    """Decorator: annotations are not type hints (sets __no_type_check__)."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (not hasattr(obj, '__qualname__') or
                    obj.__qualname__ != f'{arg.__qualname__}.{obj.__name__}' or
                    getattr(obj, '__module__', None) != arg.__module__):
                continue
            if isinstance(obj, _FunctionType):
                obj.__no_type_check__ = True
            if isinstance(obj, type):
                no_type_check(obj)
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Decorator giving another decorator the @no_type_check effect."""
    def wrapped_decorator(*args, **kwds):
        func = decorator(*args, **kwds)
        func = no_type_check(func)
        return func
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        frozen_default=False, field_specifiers=(), **kwargs):
    """Decorator marking an object as providing dataclass-like behaviour."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default, 'order_default': order_default,
            'kw_only_default': kw_only_default, 'frozen_default': frozen_default,
            'field_specifiers': field_specifiers, 'kwargs': kwargs,
        }
        return cls_or_fn
    return decorator


def get_origin(tp):
    """The unsubscripted version of a type: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, _GenericAliasType, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, Union):
        return Union
    return None


def get_args(tp):
    """The type arguments, all substitutions done: get_args(Dict[int, str])."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _GenericAliasType)):
        res = tp.__args__
        if _should_unflatten_callable_args(tp, res):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, Union):
        return tp.__args__
    return ()


def _should_unflatten_callable_args(typ, args):
    return (typ.__origin__ is collections.abc.Callable and
            not (len(args) == 2 and _is_param_expr(args[0])))


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired, ReadOnly):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        return t if stripped == t.__args__ else t.copy_with(stripped)
    if isinstance(t, _GenericAliasType):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        return t if stripped == t.__args__ else t.__origin__[stripped]
    if isinstance(t, Union):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        return t if stripped == t.__args__ else Union[stripped]
    return t


def _eval_type(t, globalns, localns, type_params=(), *, recursive_guard=frozenset(),
               format=None, owner=None):
    """t with its forward references evaluated, recursively."""
    if isinstance(t, ForwardRef):
        if t.__forward_arg__ in recursive_guard:
            return t
        value = t.evaluate(globals=globalns, locals=localns, type_params=type_params,
                           owner=owner, format=format or Format.VALUE)
        if isinstance(value, ForwardRef):
            return value
        value = _type_check(_type_convert(value), 'Forward references must evaluate to types.',
                            is_argument=t.__forward_is_argument__,
                            allow_special_forms=t.__forward_is_class__)
        return _eval_type(value, globalns, localns, type_params,
                          recursive_guard=recursive_guard | {t.__forward_arg__},
                          format=format, owner=owner)
    if isinstance(t, str):
        return _eval_type(ForwardRef(t), globalns, localns, type_params,
                          recursive_guard=recursive_guard, format=format, owner=owner)

    def each(args):
        return tuple(_eval_type(a if a is not None else _NoneType, globalns, localns,
                                type_params, recursive_guard=recursive_guard,
                                format=format, owner=owner)
                     if not isinstance(a, list) else
                     [_eval_type(x, globalns, localns, type_params,
                                 recursive_guard=recursive_guard, format=format, owner=owner)
                      for x in a]
                     for a in args)
    if isinstance(t, _AnnotatedAlias):
        evaluated = _eval_type(t.__origin__, globalns, localns, type_params,
                               recursive_guard=recursive_guard, format=format, owner=owner)
        return t if evaluated is t.__origin__ else _AnnotatedAlias(evaluated, t.__metadata__)
    if isinstance(t, _LiteralGenericAlias):
        return t
    if isinstance(t, _GenericAlias):
        args = each(t.__args__)
        return t if args == t.__args__ else t.copy_with(args)
    if isinstance(t, _GenericAliasType):
        args = each(t.__args__)
        return t if args == t.__args__ else t.__origin__[args if len(args) != 1 else args[0]]
    if isinstance(t, Union):
        args = each(t.__args__)
        return t if args == t.__args__ else Union[args]
    return t


def evaluate_forward_ref(forward_ref, *, owner=None, globals=None, locals=None,
                         type_params=None, format=None):
    """Evaluate a ForwardRef, recursively."""
    if format == Format.STRING:
        return forward_ref.__forward_arg__
    return _eval_type(forward_ref, globals, locals, type_params or (), format=format,
                      owner=owner)


def get_type_hints(obj, globalns=None, localns=None, include_extras=False, *,
                   format=None):
    """The type hints of an object, forward references evaluated (None becomes NoneType)."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    format = Format.VALUE if format is None else format
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = _annotationlib.get_annotations(base, format=format)
            if format == Format.STRING:
                hints.update(ann)
                continue
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__, None), '__dict__', {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                # the class's names are found after the module's, as CPython does
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if isinstance(value, str):
                    value = _make_forward_ref(value, is_argument=False, is_class=True)
                value = _eval_type(value, base_globals, base_locals,
                                   getattr(base, '__type_params__', ()), format=format,
                                   owner=obj)
                if value is None:
                    value = _NoneType
                hints[name] = value
        if include_extras or format == Format.STRING:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}
    hints = _annotationlib.get_annotations(obj, format=format)
    if not hints and not isinstance(obj, type) and not callable(obj) and \
            type(obj).__name__ != 'module':
        raise TypeError(f'{obj!r} is not a module, class, or callable.')
    if format == Format.STRING:
        return hints
    if globalns is None:
        if type(obj).__name__ == 'module':
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    type_params = getattr(obj, '__type_params__', ())
    is_module = type(obj).__name__ == 'module'
    result = {}
    for name, value in hints.items():
        if isinstance(value, str):
            value = _make_forward_ref(value, is_argument=not is_module, is_class=False)
        value = _eval_type(value, globalns, localns, type_params, format=format, owner=obj)
        if value is None:
            value = _NoneType
        result[name] = value
    return result if include_extras else {k: _strip_annotations(t) for k, t in result.items()}


# ---- IO types and the rest ----

AnyStr = TypeVar('AnyStr', bytes, str)
Text = str
TYPE_CHECKING = False


class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""
    __slots__ = ()


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""
    __slots__ = ()
