"""Append module search paths for third-party packages to sys.path.

gopy runs site's work natively at start-up (the _site module): sys.path made absolute
and deduplicated, the venv's and the user's site-packages, prefix/lib/python3.14/
site-packages, .pth files, sitecustomize and usercustomize. This module is the same
interface as CPython's site over that state; importing it after `-S` sets nothing up,
as CPython's does not either.
"""

import sys
import _site

PREFIXES = [sys.prefix, sys.exec_prefix]
ENABLE_USER_SITE = None
USER_SITE = None
USER_BASE = None


def _trace(message):
    if sys.flags.verbose:
        print(message, file=sys.stderr)


def _sync():
    # The state the native start-up left, as this module's globals.
    global PREFIXES, ENABLE_USER_SITE, USER_SITE, USER_BASE
    PREFIXES = _site.PREFIXES
    ENABLE_USER_SITE = _site.ENABLE_USER_SITE
    USER_SITE = _site.USER_SITE
    USER_BASE = _site.USER_BASE


def addsitedir(sitedir, known_paths=None):
    """Add 'sitedir' argument to sys.path if missing and handle .pth files in
    'sitedir'"""
    return _site.addsitedir(sitedir, known_paths)


def getsitepackages(prefixes=None):
    """Returns a list containing all global site-packages directories."""
    return _site.getsitepackages(PREFIXES if prefixes is None else prefixes)


def getuserbase():
    """Returns the `user base` directory path."""
    global USER_BASE
    if USER_BASE is None:
        USER_BASE = _site.getuserbase()
    return USER_BASE


def getusersitepackages():
    """Returns the user-specific site-packages directory path."""
    global USER_SITE, ENABLE_USER_SITE
    userbase = getuserbase()
    if USER_SITE is None:
        if userbase is None:
            ENABLE_USER_SITE = False
        else:
            USER_SITE = _site._get_path(userbase)
    return USER_SITE


def check_enableusersite():
    """Check if user site directory is safe for inclusion."""
    return _site.check_enableusersite()


def main():
    """Add standard site-specific directories to the module search path."""
    _site.main()
    _sync()


if not sys.flags.no_site:
    if _site._ran:
        _sync()
    else:
        main()


def _script():
    help = """\
    %s [--user-base] [--user-site]

    Without arguments print some useful information
    With arguments print the value of USER_BASE and/or USER_SITE separated
    by '%s'.

    Exit codes with --user-base or --user-site:
      0 - user site directory is enabled
      1 - user site directory is disabled by user
      2 - user site directory is disabled by super user
          or for security reasons
     >2 - unknown error
    """
    args = sys.argv[1:]
    if not args:
        user_base = getuserbase()
        user_site = getusersitepackages()
        print("sys.path = [")
        for dir in sys.path:
            print("    " + repr(dir) + ",")
        print("]")

        def exists(path):
            if path is not None and _site._isdir(path):
                return "exists"
            return "doesn't exist"

        print(f"USER_BASE: {user_base!r} ({exists(user_base)})")
        print(f"USER_SITE: {user_site!r} ({exists(user_site)})")
        print(f"ENABLE_USER_SITE: {ENABLE_USER_SITE!r}")
        sys.exit(0)

    buffer = []
    if "--user-base" in args:
        buffer.append(USER_BASE)
    if "--user-site" in args:
        buffer.append(USER_SITE)

    if buffer:
        print(":".join(buffer))
        if ENABLE_USER_SITE:
            sys.exit(0)
        elif ENABLE_USER_SITE is False:
            sys.exit(1)
        elif ENABLE_USER_SITE is None:
            sys.exit(2)
        else:
            sys.exit(3)
    else:
        lines = help.replace("%s", sys.argv[0], 1).replace("%s", ":", 1).split("\n")
        print("\n".join([line[4:] if line.startswith("    ") else line for line in lines]))
        sys.exit(10)


if __name__ == "__main__":
    _script()
