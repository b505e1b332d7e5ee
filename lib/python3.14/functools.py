"""functools: higher-order functions and operations on callable objects.

gopy's own implementation of CPython 3.14's documented API. reduce, partial (with
Placeholder), cmp_to_key and the lru_cache wrapper are the native _functools's; the rest
is here.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property', 'Placeholder']


from _functools import reduce, partial, Placeholder, _PlaceholderType, cmp_to_key, _lru_cache_wrapper

GenericAlias = type(list[int])


# ---- update_wrapper and wraps (CPython: Lib/functools.py update_wrapper) ----

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotate__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last, so that a __wrapped__ copied from wrapped's __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ---- total_ordering (CPython: Lib/functools.py total_ordering) ----

def _derived(root, name, result):
    # The method `name` computed from the class's `root` method (and == or != where the
    # root alone cannot tell), passing NotImplemented on.
    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        return result(r, self, other)
    method.__name__ = name
    method.__qualname__ = '_%s_from_%s' % (name.strip('_'), root.strip('_'))  # CPython's names
    return method


# For each root method: the methods it gives, each as a function of the root's result.
_convert = {
    '__lt__': [('__gt__', lambda r, a, b: not r and a != b),
               ('__le__', lambda r, a, b: r or a == b),
               ('__ge__', lambda r, a, b: not r)],
    '__le__': [('__ge__', lambda r, a, b: not r or a == b),
               ('__lt__', lambda r, a, b: r and a != b),
               ('__gt__', lambda r, a, b: not r)],
    '__gt__': [('__lt__', lambda r, a, b: not r and a != b),
               ('__ge__', lambda r, a, b: r or a == b),
               ('__le__', lambda r, a, b: not r)],
    '__ge__': [('__le__', lambda r, a, b: not r or a == b),
               ('__gt__', lambda r, a, b: r and a != b),
               ('__lt__', lambda r, a, b: not r)],
}


def total_ordering(cls):
    """Adds the ordering methods a class lacks, from the one it defines and __eq__."""
    # An ordering method counts when the class (or a base other than object) defines it.
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)  # by name: __lt__, then __le__, __gt__, __ge__
    for opname, result in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, _derived(root, opname, result))
    return cls


# ---- lru_cache and cache (CPython: Lib/functools.py lru_cache) ----

class CacheInfo(tuple):
    """CacheInfo(hits, misses, maxsize, currsize)"""
    __slots__ = ()
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % tuple(self)

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)


_CacheInfo = CacheInfo
del CacheInfo


def lru_cache(maxsize=128, typed=False):
    """Caches a function's results, keeping the maxsize most recently used (None: all)."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # @lru_cache without arguments: maxsize is the function.
        user_function, maxsize = maxsize, 128
        return _cached(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _cached(user_function, maxsize, typed)
    return decorating_function


def _cached(user_function, maxsize, typed):
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    """Caches every result of user_function: lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


# ---- partialmethod (CPython: Lib/functools.py partialmethod) ----

def _partial_merge(pargs, args):
    # The new args fill pargs' placeholders in order (those left over stay), the rest
    # follow: a partialmethod of a partialmethod, and its call.
    out = []
    i = 0
    for a in pargs:
        if a is Placeholder and i < len(args):
            out.append(args[i])
            i += 1
        else:
            out.append(a)
    out.extend(args[i:])
    return tuple(out)


class partialmethod(object):
    """partial() for methods: a descriptor that binds func (or what func's own __get__
    gives) before applying the stored arguments."""

    __class_getitem__ = classmethod(GenericAlias)

    def __new__(cls, func, /, *args, **keywords):
        # func may be a descriptor, such as a classmethod, that is not callable itself.
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f"the first argument {func!r} must be a callable "
                            "or a descriptor")
        if args and args[-1] is Placeholder:
            raise TypeError("trailing Placeholders are not allowed")
        for value in keywords.values():
            if value is Placeholder:
                raise TypeError("Placeholder cannot be passed as a keyword argument")
        if isinstance(func, partialmethod):
            args = _partial_merge(func.args, args)
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = tuple(args)
        self.keywords = keywords
        self._phcount = self.args.count(Placeholder)
        return self

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        return f"{type(self).__module__}.{type(self).__qualname__}({', '.join(parts)})"

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            if self._phcount:
                if len(args) < self._phcount:
                    raise TypeError("missing positional arguments "
                                    "in 'partialmethod' call; expected "
                                    f"at least {self._phcount}, got {len(args)}")
                args = _partial_merge(self.args, args)
            else:
                args = self.args + args
            return self.func(cls_or_self, *args, **{**self.keywords, **keywords})
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.__partialmethod__ = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        result = None
        if get is not None:
            new_func = get(obj, cls)
            if new_func is not self.func:
                # What the descriptor made (a bound method, a classmethod's function)
                # is called with the stored arguments.
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            # A plain callable: bound as an instance method.
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- singledispatch (CPython: Lib/functools.py singledispatch) ----

def _find_impl(cls, registry):
    """The best implementation in registry for cls: the first class of cls's MRO that is
    registered, or an ABC registered for a class of the MRO (virtual subclasses)."""
    mro = _compose_mro(cls, registry.keys())
    match = None
    for t in mro:
        if match is not None:
            # An ABC that both t and match satisfy, neither more specific: ambiguous.
            if (t in registry and t not in cls.__mro__ and match not in cls.__mro__
                    and not issubclass(match, t)):
                raise RuntimeError('Ambiguous dispatch: {} or {}'.format(match, t))
            break
        if t in registry:
            match = t
    return registry.get(match)


def _compose_mro(cls, types):
    """cls's MRO extended with the ABCs among `types` that cls is a virtual subclass of."""
    bases = set(cls.__mro__)
    extra = [t for t in types
             if t not in bases and isinstance(t, type) and _is_related(cls, t)]
    if not extra:
        return list(cls.__mro__)
    mro = list(cls.__mro__)
    for t in extra:
        # Insert the ABC just before the first class of the MRO that does not satisfy it,
        # after the most derived class that does.
        pos = len(mro)
        for i in range(len(mro) - 1, -1, -1):
            if mro[i] is object:
                pos = i
                continue
            if issubclass(mro[i], t):
                pos = i + 1
                break
        mro.insert(pos, t)
    return mro


def _is_related(cls, t):
    try:
        return issubclass(cls, t)
    except TypeError:
        return False


def singledispatch(func):
    """Makes func a generic function that picks an implementation by its first argument's type."""
    registry = {}
    dispatch_cache = {}
    # abc's cache token once an ABC is registered: a new virtual subclass of any ABC
    # invalidates the dispatch cache.
    cache_token = None

    def dispatch(cls):
        nonlocal cache_token
        if cache_token is not None:
            current = _abc_token()
            if cache_token != current:
                dispatch_cache.clear()
                cache_token = current
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        try:
            impl = registry[cls]
        except KeyError:
            impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def _is_valid_dispatch_type(cls):
        if isinstance(cls, type):
            return True
        return (_is_union_type(cls) and
                all(isinstance(arg, type) for arg in cls.__args__))

    def register(cls, func=None):
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to `register()`. "
                    f"{cls!r} is not a class or union type.")
            if getattr(cls, '__annotate__', None) is None:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            func = cls
            argname, cls = _dispatch_annotation(func)
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError(
                        f"Invalid annotation for {argname!r}. "
                        f"{cls!r} not all arguments are classes.")
                if isinstance(cls, _UnresolvedName) or type(cls).__name__ == 'ForwardRef':
                    raise TypeError(
                        f"Invalid annotation for {argname!r}. "
                        f"{cls!r} is an unresolved forward reference.")
                raise TypeError(
                    f"Invalid annotation for {argname!r}. "
                    f"{cls!r} is not a class.")
        if _is_union_type(cls):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        if cache_token is None and hasattr(cls, '__abstractmethods__'):
            cache_token = _abc_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _MappingProxy(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


def _dispatch_annotation(func):
    """The first annotated parameter of func and its annotation, as
    typing.get_type_hints(func, format=FORWARDREF) gives them."""
    try:
        from typing import get_type_hints
        from annotationlib import Format
    except ImportError:
        pass
    else:
        return next(iter(get_type_hints(func, format=Format.FORWARDREF).items()))
    # Without typing: string annotations evaluated in the function's globals.
    argname, cls = next(iter(func.__annotations__.items()))
    if isinstance(cls, str):
        target = getattr(func, '__func__', func)
        try:
            cls = eval(cls, getattr(target, '__globals__', {}))
        except NameError:
            cls = _UnresolvedName(cls)
    return argname, cls


class _UnresolvedName:
    """A string annotation naming nothing (annotationlib.ForwardRef's repr)."""
    __slots__ = ('_arg',)

    def __init__(self, arg):
        self._arg = arg

    def __repr__(self):
        return f'ForwardRef({self._arg!r})'


def _is_union_type(cls):
    return type(cls).__name__ == 'Union' and hasattr(cls, '__args__')


def _abc_token():
    from abc import get_cache_token
    return get_cache_token()


class mappingproxy:
    """A read-only view of the registry (CPython: types.MappingProxyType, whose name it
    shows)."""
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return dict(self._mapping)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)


_MappingProxy = mappingproxy
del mappingproxy


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after self or cls."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch
        funcname = getattr(self.func, '__name__', 'singledispatchmethod method')

        def _method(*args, **kwargs):
            if not args:
                raise TypeError(f'{funcname} requires at least '
                                '1 positional argument')
            return dispatch(args[0].__class__).__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- cached_property (CPython: Lib/functools.py cached_property) ----

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            )
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                msg = (
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {self.attrname!r} property."
                )
                raise TypeError(msg) from None
        return val

    __class_getitem__ = classmethod(GenericAlias)
