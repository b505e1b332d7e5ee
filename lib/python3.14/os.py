"""A minimal os module: the constants of the POSIX path rules.

It is also getpath's standard-library landmark. The full module (the posix functions,
os.path, environ) comes with gopy's standard library.
"""

name = "posix"
sep = "/"
altsep = None
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"
linesep = "\n"
devnull = "/dev/null"


def fspath(path):
    """Return the file system representation of the path."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, "__fspath__"):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not " + path_type.__name__) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected " + path_type.__name__ + ".__fspath__() to return str or bytes, not " +
                    type(path_repr).__name__)
