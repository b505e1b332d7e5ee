// exit, quit, copyright, credits, license and help in builtins, and
// sys.__interactivehook__: what CPython's site module installs at start-up. gopy has no
// site module yet; this is its stand-in, run by the main phase when site_import is on.
// The objects live in a `_sitebuiltins` module written in Python, as CPython's are, so
// that a later `site` can import and reuse them, or replace them by assigning its own.
// CPython: Lib/_sitebuiltins.py; Lib/site.py setquit, setcopyright, sethelper,
// enablerlcompleter.
#include "lifecycle/site_builtins.hpp"

#include "gopy/eval.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "lifecycle/repl_line_editor.hpp"

namespace gopy {

namespace {

// CPython: Lib/_sitebuiltins.py (Quitter, _Printer, _Helper); the texts are CPython's,
// the copyright, credits and license data are gopy's own.
constexpr const char* kSiteBuiltinsSource = R"PY(
import sys

class Quitter:
    def __init__(self, name, eof):
        self.name, self.eof = name, eof

    def __repr__(self):
        return f'Use {self.name}() or {self.eof} to exit'

    def __call__(self, code=None):
        # A shell that catches SystemExit still notices its stdin closed.
        try:
            sys.stdin.close()
        except BaseException:
            pass
        raise SystemExit(code)


class _Printer:
    MAXLINES = 23

    def __init__(self, name, data, files=(), dirs=()):
        self._name = name
        self._fallback = data
        self._candidates = [d + '/' + f for d in dirs for f in files]
        self._lines = None

    def _read_lines(self):
        # The first candidate file that opens gives the text (the built-in one when it
        # is empty); an unreadable one is skipped.
        if not self._lines:
            text = None
            for path in self._candidates:
                try:
                    f = open(path, encoding='utf-8')
                    try:
                        text = f.read()
                    finally:
                        f.close()
                    break
                except OSError:
                    continue
            self._lines = (text or self._fallback).split('\n')
        return self._lines

    def __repr__(self):
        lines = self._read_lines()
        if len(lines) > self.MAXLINES:
            return f'Type {self._name}() to see the full {self._name} text'
        return '\n'.join(lines)

    def __call__(self):
        # A page at a time; after each full page, Return shows the next and q stops.
        lines = self._read_lines()
        prompt = 'Hit Return for more, or q (and Return) to quit: '
        start = 0
        while True:
            page = lines[start:start + self.MAXLINES]
            for line in page:
                print(line)
            if len(page) < self.MAXLINES:
                return
            start += self.MAXLINES
            answer = input(prompt)
            while answer not in ('', 'q'):
                answer = input(prompt)
            if answer == 'q':
                return


class _Helper:
    def __repr__(self):
        return 'Type help() for interactive help, ' \
               'or help(object) for help about object.'
    def __call__(self, *args, **kwds):
        import pydoc
        return pydoc.help(*args, **kwds)


def _install():
    import builtins
    eof = 'Ctrl-D (i.e. EOF)'
    builtins.quit = Quitter('quit', eof)
    builtins.exit = Quitter('exit', eof)
    builtins.copyright = _Printer('copyright', 'Copyright (c) the gopy authors.\n'
                                  'Licensed under the Apache License, Version 2.0.')
    builtins.credits = _Printer('credits', 'gopy is a C++ implementation of Python 3.14, '
                                'built on the language and the design of CPython.')
    here = getattr(sys, '_stdlib_dir', None)
    files, dirs = [], []
    if here:
        files = ['LICENSE.txt', 'LICENSE']
        dirs = [here + '/..', here, '.']
    builtins.license = _Printer('license', 'See the LICENSE file distributed with gopy '
                                '(Apache License, Version 2.0).', files, dirs)
    builtins.help = _Helper()
)PY";

// The hook site sets: CPython's register_readline turns on completion and loads the
// history file, saved again at exit. CPython: Lib/site.py enablerlcompleter.
Object* register_line_editor(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("register_readline", kwnames) || !check_nargs("register_readline", nargs, 0, 0))
    return nullptr;
  enable_line_editor_history();
  return new_ref(None());
}

}  // namespace

Status install_site_builtins(bool isolated) {
  Interpreter* interp = get_thread_state()->interp;
  ModuleObject* module = new_module("_sitebuiltins");
  dict_set_str(interp->modules, "_sitebuiltins", module);
  Object* r = exec_source_in_module(kSiteBuiltinsSource, "<frozen _sitebuiltins>", module);
  if (r) {
    decref(r);
    Object* install = dict_get_str(module->dict, "_install");
    r = install ? call0(install) : nullptr;
  }
  decref(module);
  if (!r) {
    Object* exc = fetch_error();
    print_uncaught_exception(exc);
    xdecref(exc);
    return Status::error(Status::Category::runtime, "init_import_site", "Failed to install the site builtins");
  }
  decref(r);
  // CPython: site.main installs the hook only when not isolated (-I).
  if (!isolated && !dict_get_str(interp->sys_module->dict, "__interactivehook__")) {
    BuiltinFunctionObject* hook = new_builtin_function("register_readline", register_line_editor);
    dict_set_str(interp->sys_module->dict, "__interactivehook__", hook);
    decref(hook);
  }
  return Status::ok();
}

}  // namespace gopy
