"""`python -m json [infile [outfile]]`: validate and pretty-print JSON (json.tool)."""
import json.tool

if __name__ == '__main__':
    try:
        json.tool.main()
    except BrokenPipeError as exc:
        raise SystemExit(exc.errno)
