#!/usr/bin/env python3
"""Records gopy's own standard-library vectors from a CPython run by hand (never by a test).

    make_cases.py GROUP.json CASE.py [CASE.py ...] [--python PATH] [--argv ...]

Each CASE.py is one case, named after its file (`json_indent.py` -> `json_indent`). It is
run as the shared run vectors are run (tests/conformance/vectors/run/README.md): a fresh
directory, `PYTHON -S main.py`, only PYTHONHASHSEED=0 and LC_ALL=C.UTF-8 in the
environment, an empty stdin. A case with stderr is stored in `last_line` mode. Cases
already in GROUP.json are replaced by name; the others are kept.

Record with pyenv's 3.13 (the default below) and keep a case only when 3.14.7's source
gives the same output: the tests compare gopy with the file and never call a CPython.
"""
import argparse, json, os, pathlib, subprocess, tempfile

DEFAULT_PYTHON = os.path.expanduser("~/.pyenv/versions/3.13.0/bin/python3")


def record(python, source):
    with tempfile.TemporaryDirectory() as d:
        pathlib.Path(d, "main.py").write_text(source, encoding="utf-8")
        env = {"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
        p = subprocess.run([python, "-S", "main.py"], cwd=d, env=env, input=b"",
                           capture_output=True, timeout=60)
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace").replace(d + "/", "")
    case = {"files": {"main.py": source}, "main": "main.py", "exit": p.returncode,
            "stdout": out, "stderr": ""}
    lines = [l for l in err.replace("\r\n", "\n").split("\n") if l.strip()]
    if lines:
        case["stderr_mode"] = "last_line"
        case["stderr"] = lines[-1] + "\n"
    return case


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("group")
    ap.add_argument("cases", nargs="+")
    ap.add_argument("--python", default=DEFAULT_PYTHON)
    args = ap.parse_args()
    path = pathlib.Path(args.group)
    data = json.loads(path.read_text()) if path.exists() else {"cases": []}
    by_name = {c["name"]: c for c in data["cases"]}
    for file in args.cases:
        name = pathlib.Path(file).stem
        by_name[name] = {"name": name, **record(args.python, pathlib.Path(file).read_text())}
        print(name, "exit", by_name[name]["exit"])
    data["cases"] = list(by_name.values())
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
