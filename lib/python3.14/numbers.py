"""The numeric tower (PEP 3141): abstract base classes of numbers."""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    """All numbers inherit from this class; isinstance(x, Number) tests for a number."""
    __slots__ = ()

    # numbers are compared by value, so a mutable number must not hash
    __hash__ = None


class Complex(Number):
    """Complex numbers: the operations of the built-in complex type."""

    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        """Return a builtin complex instance. Called for complex(self)."""

    def __bool__(self):
        """True if self != 0. Called for bool(self)."""
        return self != 0

    @property
    @abstractmethod
    def real(self):
        """The real component of this number."""
        raise NotImplementedError

    @property
    @abstractmethod
    def imag(self):
        """The imaginary component of this number."""
        raise NotImplementedError


def _refresh_abstracts(cls):
    # the methods were added after the class was made: recount what is abstract
    cls.__abstractmethods__ = frozenset(
        name for name in dir(cls)
        if getattr(getattr(cls, name, None), '__isabstractmethod__', False))


def _abstract(name, doc):
    def method(self, *args):
        raise NotImplementedError
    method.__name__ = name
    method.__qualname__ = name
    method.__doc__ = doc
    return abstractmethod(method)


for _name, _doc in (('__add__', 'self + other'), ('__radd__', 'other + self'),
                    ('__neg__', '-self'), ('__pos__', '+self'),
                    ('__mul__', 'self * other'), ('__rmul__', 'other * self'),
                    ('__truediv__', 'self / other'), ('__rtruediv__', 'other / self'),
                    ('__pow__', 'self ** exponent'), ('__rpow__', 'base ** self'),
                    ('__abs__', 'Returns the Real distance from 0.'),
                    ('__eq__', 'self == other'),
                    ('conjugate', '(x+y*i).conjugate() returns (x-y*i).')):
    setattr(Complex, _name, _abstract(_name, _doc))


def _complex_sub(self, other):
    """self - other"""
    return self + -other


def _complex_rsub(self, other):
    """other - self"""
    return -self + other


Complex.__sub__ = _complex_sub
Complex.__rsub__ = _complex_rsub
_refresh_abstracts(Complex)
Complex.register(complex)


class Real(Complex):
    """Real numbers: Complex plus the operations that work on reals."""

    __slots__ = ()

    @abstractmethod
    def __float__(self):
        """Any Real can be converted to a native float object."""
        raise NotImplementedError

    def __divmod__(self, other):
        """divmod(self, other): (self // other, self % other)"""
        return (self // other, self % other)

    def __rdivmod__(self, other):
        """divmod(other, self): (other // self, other % self)"""
        return (other // self, other % self)

    def __complex__(self):
        """complex(self) == complex(float(self), 0)"""
        return complex(float(self))

    @property
    def real(self):
        """Real numbers are their real component."""
        return +self

    @property
    def imag(self):
        """Real numbers have no imaginary component."""
        return 0

    def conjugate(self):
        """Conjugate is a no-op for Reals."""
        return +self


for _name, _doc in (('__trunc__', 'trunc(self): Truncates self to an Integral.'),
                    ('__floor__', 'Finds the greatest Integral <= self.'),
                    ('__ceil__', 'Finds the least Integral >= self.'),
                    ('__round__', 'Rounds self to ndigits decimal places.'),
                    ('__floordiv__', 'self // other'), ('__rfloordiv__', 'other // self'),
                    ('__mod__', 'self % other'), ('__rmod__', 'other % self'),
                    ('__lt__', 'self < other'), ('__le__', 'self <= other')):
    setattr(Real, _name, _abstract(_name, _doc))
_refresh_abstracts(Real)
Real.register(float)


class Rational(Real):
    """.numerator and .denominator should be in lowest terms."""

    __slots__ = ()

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError

    def __float__(self):
        """float(self) = self.numerator / self.denominator, divided exactly."""
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """Integral adds methods that work on integral numbers."""

    __slots__ = ()

    @abstractmethod
    def __int__(self):
        """int(self)"""
        raise NotImplementedError

    def __index__(self):
        """Called whenever an index is needed, such as in slicing"""
        return int(self)

    def __float__(self):
        """float(self) == float(int(self))"""
        return float(int(self))

    @property
    def numerator(self):
        """Integers are their own numerators."""
        return +self

    @property
    def denominator(self):
        """Integers have a denominator of 1."""
        return 1


for _name in ('__pow__', '__lshift__', '__rlshift__', '__rshift__', '__rrshift__',
              '__and__', '__rand__', '__xor__', '__rxor__', '__or__', '__ror__',
              '__invert__'):
    setattr(Integral, _name, _abstract(_name, None))
_refresh_abstracts(Integral)
Integral.register(int)

del _name, _doc

# Decimal is a Number but not a Real (it does not mix with floats).
import sys as _sys
if 'decimal' in _sys.modules:
    Number.register(_sys.modules['decimal'].Decimal)
del _sys
