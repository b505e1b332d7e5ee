"""Command-line option parsing in the manner of Unix getopt(), with GNU-style long options.

getopt() stops at the first non-option argument; gnu_getopt() lets options and other
arguments mix. A short option letter followed by ':' takes an argument and by '::' an
optional one; a long option name ending in '=' takes one and in '=?' an optional one.
Both return (options, arguments), options a list of (option, value) pairs. Errors raise
GetoptError, whose opt names the option at fault.
"""
import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError  # the old name


def _long_list(longopts):
    return [longopts] if isinstance(longopts, str) else list(longopts)


def getopt(args, shortopts, longopts=[]):
    """getopt(args, options[, long_options]) -> opts, args

    Parses the options at the front of args (typically sys.argv[1:]) up to the first
    argument that is not one, or up to '--', which is dropped."""
    opts = []
    longopts = _long_list(longopts)
    while args and args[0].startswith('-') and args[0] != '-':
        if args[0] == '--':
            args = args[1:]
            break
        if args[0].startswith('--'):
            opts, args = _do_long(opts, args[0][2:], longopts, args[1:])
        else:
            opts, args = _do_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """getopt(args, options[, long_options]) -> opts, args

    Like getopt(), but options and other arguments may be intermixed. A leading '+' in
    shortopts (or POSIXLY_CORRECT in the environment) stops at the first non-option; a
    leading '-' keeps the order, giving the non-options between options as (None, list)."""
    opts = []
    prog_args = []
    longopts = _long_list(longopts)
    in_order = False
    if shortopts.startswith('-'):
        shortopts = shortopts[1:]
        options_first = False
        in_order = True
    elif shortopts.startswith('+'):
        shortopts = shortopts[1:]
        options_first = True
    else:
        options_first = bool(os.environ.get("POSIXLY_CORRECT"))
    while args:
        arg = args[0]
        if arg == '--':
            prog_args += args[1:]
            break
        if arg[:2] == '--' or (arg[:1] == '-' and arg != '-'):
            if in_order and prog_args:
                opts.append((None, prog_args))
                prog_args = []
            if arg[:2] == '--':
                opts, args = _do_long(opts, arg[2:], longopts, args[1:])
            else:
                opts, args = _do_shorts(opts, arg[1:], shortopts, args[1:])
        elif options_first:
            prog_args += args
            break
        else:
            prog_args.append(arg)
            args = args[1:]
    return opts, prog_args


def _do_long(opts, opt, longopts, args):
    opt, eq, value = opt.partition('=')
    optarg = value if eq else None
    has_arg, opt = _long_has_arg(opt, longopts)
    if has_arg:
        if optarg is None and has_arg != '?':
            if not args:
                raise GetoptError('option --%s requires argument' % opt, opt)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError('option --%s must not have an argument' % opt, opt)
    opts.append(('--' + opt, optarg or ''))
    return opts, args


def _long_has_arg(opt, longopts):
    # (takes an argument: False, True or '?' for optional; the full option name). An exact
    # name wins; otherwise opt must be the prefix of exactly one long option.
    matches = [o for o in longopts if o.startswith(opt)]
    if not matches:
        raise GetoptError('option --%s not recognized' % opt, opt)
    if opt in matches:
        return False, opt
    if opt + '=' in matches:
        return True, opt
    if opt + '=?' in matches:
        return '?', opt
    if len(matches) > 1:
        raise GetoptError('option --%s not a unique prefix; possible options: %s'
                          % (opt, ", ".join(matches)), opt)
    name = matches[0]
    if name.endswith('=?'):
        return '?', name[:-2]
    if name.endswith('='):
        return True, name[:-1]
    return False, name


def _do_shorts(opts, optstring, shortopts, args):
    while optstring:
        opt, optstring = optstring[0], optstring[1:]
        has_arg = _short_has_arg(opt, shortopts)
        if has_arg:
            # The rest of this argument is the value, or else the next argument.
            if not optstring and has_arg != '?':
                if not args:
                    raise GetoptError('option -%s requires argument' % opt, opt)
                optstring, args = args[0], args[1:]
            optarg, optstring = optstring, ''
        else:
            optarg = ''
        opts.append(('-' + opt, optarg))
    return opts, args


def _short_has_arg(opt, shortopts):
    for i, ch in enumerate(shortopts):
        if ch == opt != ':':
            if not shortopts.startswith(':', i + 1):
                return False
            if shortopts.startswith('::', i + 1):
                return '?'
            return True
    raise GetoptError('option -%s not recognized' % opt, opt)
