"""Abstract Base Classes (ABCs) according to PEP 3119."""

# gopy keeps ABCMeta in Python. Each ABC holds its state in one `_abc_impl` attribute,
# as CPython's C implementation does: the registry and both caches are weak sets of
# classes, and a global counter invalidates every negative cache when any class registers
# another.

from _weakref import ref as _ref


class _WeakClassSet:
    # A set of weak references to classes; a class leaves it when it dies. (weakref's
    # WeakSet is Python compiled on import, too costly for a module this many import.)
    __slots__ = ('_refs',)

    def __init__(self):
        self._refs = set()

    def add(self, cls):
        refs = self._refs
        def forget(dead, refs=refs):
            refs.discard(dead)
        refs.add(_ref(cls, forget))

    def __contains__(self, cls):
        try:
            return _ref(cls) in self._refs
        except TypeError:
            return False

    def __iter__(self):
        for r in list(self._refs):
            cls = r()
            if cls is not None:
                yield cls

    def __len__(self):
        return sum(1 for r in self._refs if r() is not None)

    def clear(self):
        self._refs.clear()


def abstractmethod(funcobj):
    """Marks a method abstract: an ABCMeta class keeping it cannot be instantiated."""
    """A decorator indicating abstract methods.

    A class whose metaclass is ABCMeta (or derived from it) cannot be instantiated
    unless all of its abstract methods are overridden.
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """An abstract classmethod (deprecated: stack classmethod and abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        # gopy's classmethod and staticmethod take the callable in __new__.
        callable.__isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    """An abstract staticmethod (deprecated: stack staticmethod and abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        # gopy's classmethod and staticmethod take the callable in __new__.
        callable.__isabstractmethod__ = True


class abstractproperty(property):
    """An abstract property (deprecated: stack property and abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        # gopy's property reports its accessors' flag, not its class's: mark the getter.
        if fget is not None:
            fget.__isabstractmethod__ = True


# Bumped by every register(): a class's negative cache is valid only for the token it
# was filled under.
_abc_invalidation_counter = 0


def get_cache_token():
    """A value that changes whenever any ABC registers a virtual subclass."""
    """Returns the current ABC cache token.

    The token is an opaque object (supporting equality testing) identifying the
    current version of the ABC cache for virtual subclasses. The token changes
    with every call to register() on any ABC.
    """
    return _abc_invalidation_counter


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _compute_abstracts(cls, namespace_items, bases):
    abstracts = {name for name, value in namespace_items if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class _abc_data:
    # An ABC's virtual subclasses and what its checks found, positive and negative.
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_cache_version')

    def __init__(self):
        self.registry = _WeakClassSet()
        self.cache = _WeakClassSet()
        self.negative_cache = _WeakClassSet()
        self.negative_cache_version = _abc_invalidation_counter


class ABCMeta(type):
    """The metaclass of abstract base classes: classes with abstract methods cannot be
    instantiated, and register() makes unrelated classes virtual subclasses for
    isinstance() and issubclass() without adding the ABC to their MRO."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace.items(), bases)
        cls._abc_impl = _abc_data()
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # Already a subclass
        # Registering an ancestor would make the two classes each other's subclass.
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        global _abc_invalidation_counter
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == _abc_invalidation_counter and
                    subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_cache_version < _abc_invalidation_counter:
            impl.negative_cache = _WeakClassSet()
            impl.negative_cache_version = _abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        verdict = cls.__subclasshook__(subclass)
        if verdict is not NotImplemented:
            if not isinstance(verdict, bool):
                raise AssertionError("__subclasshook__ must return either "
                                     "False, True, or NotImplemented")
            (impl.cache if verdict else impl.negative_cache).add(subclass)
            return verdict
        found = (cls in getattr(subclass, '__mro__', ())
                 or any(issubclass(subclass, r) for r in impl.registry)
                 or any(issubclass(subclass, s) for s in cls.__subclasses__()))
        (impl.cache if found else impl.negative_cache).add(subclass)
        return found

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {set(impl.registry)!r}", file=file)
        print(f"_abc_cache: {set(impl.cache)!r}", file=file)
        print(f"_abc_negative_cache: {set(impl.negative_cache)!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_cache_version!r}", file=file)

    def _abc_registry_clear(cls):
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recomputes cls.__abstractmethods__ after methods were added or replaced on an
    abstract class (a class decorator); other classes are returned unchanged."""
    """Recalculate the set of abstract methods of an abstract class.

    If a class has had one of its abstract methods implemented after the
    class was created, the method will not be considered implemented until
    this function is called. Alternatively, if a new abstract method has been
    added to the class, it will only be considered an abstract method of the
    class after this function is called.

    This function should be called before any use is made of the class,
    usually in class decorators that add methods to the subject class.

    Returns cls, to allow usage as a class decorator.

    If cls is not an instance of ABCMeta, does nothing.
    """
    if not hasattr(cls, '__abstractmethods__'):
        # Not an abstract class: nothing to recompute.
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """A base class whose metaclass is ABCMeta."""
    __slots__ = ()
