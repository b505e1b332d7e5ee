// warnings_test: the warnings module through the real gopy executable: -W and
// PYTHONWARNINGS parsed with CPython's "Invalid -W option ignored" texts, the default
// filters, warn/warn_explicit/filters/catch_warnings, compile-time SyntaxWarnings (and
// SyntaxError under -W error), and what -X dev and -b add.
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

TEST_CASE("warnings_test: invalid -W options are reported and ignored", "[lifecycle][warnings]") {
  TempDir dir;
  ChildResult r = run_gopy({"-W", "bogus", "-W", "ignore::Foo", "-W", "error:::x:y", "-W", "error::builtins.int", "-W",
                            "error::nosuch.Cls", "-W", "a:b:c:d:e:f", "-c", "pass"},
                           dir.path());
  CHECK(r.err ==
        "Invalid -W option ignored: invalid action: 'bogus'\n"
        "Invalid -W option ignored: unknown warning category: 'Foo'\n"
        "Invalid -W option ignored: invalid lineno 'y'\n"
        "Invalid -W option ignored: invalid warning category: 'builtins.int'\n"
        "Invalid -W option ignored: invalid module name: 'nosuch'\n"
        "Invalid -W option ignored: too many fields (max 5): 'a:b:c:d:e:f'\n");
  CHECK(r.exit_code == 0);
  SECTION("PYTHONWARNINGS too, comma-separated") {
    ChildResult e = run_gopy({"-c", "pass"}, dir.path(), "", {{"PYTHONWARNINGS", "bogus,ignore::Bar"}});
    CHECK(e.err ==
          "Invalid -W option ignored: invalid action: 'bogus'\n"
          "Invalid -W option ignored: unknown warning category: 'Bar'\n");
  }
}

TEST_CASE("warnings_test: the default filters and -W's filters", "[lifecycle][warnings]") {
  TempDir dir;
  const std::string show = "import warnings\nfor f in warnings.filters: print(f[0], f[2].__name__, f[3], f[4])\n";
  ChildResult r = run_gopy({"-c", show}, dir.path());
  CHECK(r.out ==
        "default DeprecationWarning __main__ 0\n"
        "ignore DeprecationWarning None 0\n"
        "ignore PendingDeprecationWarning None 0\n"
        "ignore ImportWarning None 0\n"
        "ignore ResourceWarning None 0\n");
  SECTION("the last option comes first; a module pattern is anchored") {
    ChildResult w = run_gopy({"-W", "::DeprecationWarning", "-W", "ignore::Warning:a.b", "-c", show}, dir.path());
    CHECK(w.out.starts_with("ignore Warning re.compile('a\\\\.b\\\\Z') 0\ndefault DeprecationWarning None 0\n"));
  }
  SECTION("-X dev shows every warning, -b BytesWarnings, -bb makes them errors") {
    CHECK(run_gopy({"-X", "dev", "-c", show}, dir.path()).out.starts_with("default Warning None 0\ndefault Deprecation"));
    CHECK(run_gopy({"-b", "-c", show}, dir.path()).out.starts_with("default BytesWarning None 0\n"));
    CHECK(run_gopy({"-bb", "-c", show}, dir.path()).out.starts_with("error BytesWarning None 0\n"));
  }
}

TEST_CASE("warnings_test: warn shows the caller's line once per location", "[lifecycle][warnings]") {
  TempDir dir;
  dir.write("w.py",
            "import warnings\n"
            "def f():\n"
            "    warnings.warn('dep', DeprecationWarning, stacklevel=2)\n"
            "for i in range(3):\n"
            "    f()\n"
            "warnings.warn('u')\n"
            "warnings.warn('hidden', ImportWarning)\n");
  ChildResult r = run_gopy({"w.py"}, dir.path());
  // The script's file name is absolute, as CPython makes it.
  const std::string w = (dir.path() / "w.py").string();
  CHECK(r.err == w + ":5: DeprecationWarning: dep\n  f()\n" + w + ":6: UserWarning: u\n  warnings.warn('u')\n");
  CHECK(r.exit_code == 0);
  SECTION("-W error raises it") {
    ChildResult e = run_gopy({"-W", "error", "w.py"}, dir.path());
    CHECK(e.exit_code == 1);
    CHECK(e.err.ends_with("DeprecationWarning: dep\n"));
  }
  SECTION("-W ignore silences it") {
    CHECK(run_gopy({"-W", "ignore", "w.py"}, dir.path()).err.empty());
  }
}

TEST_CASE("warnings_test: filters, catch_warnings, showwarning and formatwarning", "[lifecycle][warnings]") {
  TempDir dir;
  const std::string program =
      "import warnings\n"
      "cm = warnings.catch_warnings(record=True)\n"
      "log = cm.__enter__()\n"
      "warnings.simplefilter('always')\n"
      "warnings.warn('one')\n"
      "warnings.warn('one')\n"
      "warnings.warn_explicit('two', RuntimeWarning, 'f.py', 7)\n"
      "warnings.filterwarnings('ignore', message='sil')\n"
      "warnings.warn('SILENT please')\n"
      "cm.__exit__(None, None, None)\n"
      "print([(str(w.message), w.category.__name__, w.lineno) for w in log])\n"
      "print(len(warnings.filters))\n"
      "print(warnings.formatwarning('m', UserWarning, 'x.py', 3, 'code'), end='')\n"
      "warnings.showwarning = lambda *a: print('hook', a[0], a[2], a[3])\n"
      "warnings.warn_explicit('three', UserWarning, 'g.py', 1)\n"
      "warnings.resetwarnings()\n"
      "print(warnings.filters)\n"
      "try:\n"
      "    warnings.warn('x', int)\n"
      "except TypeError as e:\n"
      "    print(e)\n";
  ChildResult r = run_gopy({"-c", program}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out ==
        "[('one', 'UserWarning', 5), ('one', 'UserWarning', 6), ('two', 'RuntimeWarning', 7)]\n"
        "5\n"
        "x.py:3: UserWarning: m\n  code\n"
        "hook three g.py 1\n"
        "[]\n"
        "category must be a Warning subclass, not 'type'\n");
}

TEST_CASE("warnings_test: compile-time SyntaxWarnings", "[lifecycle][warnings]") {
  TempDir dir;
  ChildResult r = run_gopy({"-c", "x = 1 is 1\nprint(x)"}, dir.path());
  CHECK(r.err == "<string>:1: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?\n");
  CHECK(r.out == "True\n");
  SECTION("is not, and a str literal on the right") {
    ChildResult n = run_gopy({"-c", "y = 2\nprint(y is not 'a')"}, dir.path());
    CHECK(n.err == "<string>:2: SyntaxWarning: \"is not\" with 'str' literal. Did you mean \"!=\"?\n");
  }
  SECTION("None, True, False and ... are fine") {
    CHECK(run_gopy({"-c", "x = 1\nprint(x is None, x is True, x is ...)"}, dir.path()).err.empty());
  }
  SECTION("a file shows its line") {
    dir.write("s.py", "x = 1 is 1\n");
    ChildResult f = run_gopy({"s.py"}, dir.path());
    CHECK(f.err == (dir.path() / "s.py").string() + ":1: SyntaxWarning: \"is\" with 'int' literal. Did you mean \"==\"?\n  x = 1 is 1\n");
  }
  SECTION("-W error makes it a SyntaxError") {
    ChildResult e = run_gopy({"-W", "error", "-c", "x = 1 is 1"}, dir.path());
    CHECK(e.exit_code == 1);
    CHECK(e.out.empty());
    CHECK(e.err == "  File \"<string>\", line 1\nSyntaxError: \"is\" with 'int' literal. Did you mean \"==\"?\n");
    dir.write("s.py", "x = 1 is 1\n");
    ChildResult f = run_gopy({"-W", "error", "s.py"}, dir.path());
    CHECK(f.err == "  File \"" + (dir.path() / "s.py").string() +
                       "\", line 1\n    x = 1 is 1\n        ^^^^^^\nSyntaxError: \"is\" with 'int' literal. Did you mean \"==\"?\n");
  }
  SECTION("an invalid escape sequence, from the tokenizer") {
    ChildResult s = run_gopy({"-c", "print(len('\\d'))"}, dir.path());
    CHECK(s.err == "<string>:1: SyntaxWarning: \"\\d\" is an invalid escape sequence. Such sequences will not work "
                   "in the future. Did you mean \"\\\\d\"? A raw string is also an option.\n");
    CHECK(s.out == "2\n");
    CHECK(run_gopy({"-W", "ignore", "-c", "print(len('\\d'))"}, dir.path()).err.empty());
  }
}

TEST_CASE("warnings_test: -b warns of str() on bytes and bytes == str, -bb raises", "[lifecycle][warnings]") {
  TempDir dir;
  const std::string program = "x = b'a'\nprint(str(x), x == 'a', x == 1, bytearray(b'a') != 'a', x == b'a')\n";
  CHECK(run_gopy({"-c", program}, dir.path()).err.empty());
  ChildResult b = run_gopy({"-b", "-c", program}, dir.path());
  CHECK(b.out == "b'a' False False True True\n");
  CHECK(b.err ==
        "<string>:2: BytesWarning: str() on a bytes instance\n  print(str(x), x == 'a', x == 1, bytearray(b'a') != 'a', x == b'a')\n"
        "<string>:2: BytesWarning: Comparison between bytes and string\n  print(str(x), x == 'a', x == 1, bytearray(b'a') != 'a', x == b'a')\n"
        "<string>:2: BytesWarning: Comparison between bytes and int\n  print(str(x), x == 'a', x == 1, bytearray(b'a') != 'a', x == b'a')\n"
        "<string>:2: BytesWarning: Comparison between bytearray and string\n  print(str(x), x == 'a', x == 1, bytearray(b'a') != 'a', x == b'a')\n");
  ChildResult bb = run_gopy({"-bb", "-c", program}, dir.path());
  CHECK(bb.exit_code == 1);
  CHECK(bb.err.ends_with("BytesWarning: str() on a bytes instance\n"));
}
