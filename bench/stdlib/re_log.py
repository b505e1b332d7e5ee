# re over a 10 MB web-server log made from a fixed seed: the requests' fields are taken
# with a pattern and counted; the totals must equal what str.split finds.
import re

state = 987654321


def next_int(bound):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return (state >> 12) % bound


METHODS = ["GET", "POST", "PUT", "DELETE"]
PATHS = ["/", "/index.html", "/api/v1/items", "/api/v1/users/42", "/static/app.js", "/login"]
STATUSES = ["200", "201", "301", "404", "500"]
lines = []
size = 0
while size < 10_000_000:
    line = (f"{next_int(256)}.{next_int(256)}.{next_int(256)}.{next_int(256)} - - "
            f"[07/Dec/2026:{next_int(24):02d}:{next_int(60):02d}:{next_int(60):02d} +0000] "
            f"\"{METHODS[next_int(4)]} {PATHS[next_int(6)]}?q={next_int(100000)} HTTP/1.1\" "
            f"{STATUSES[next_int(5)]} {next_int(50000)}")
    lines.append(line)
    size += len(line) + 1
log = "\n".join(lines) + "\n"

pattern = re.compile(r'^(\d+\.\d+\.\d+\.\d+) - - \[([^\]]+)\] "([A-Z]+) ([^ ?]+)\S* HTTP/1\.[01]" (\d{3}) (\d+)$',
                     re.MULTILINE)
by_status = {}
by_method = {}
total_bytes = 0
for m in pattern.finditer(log):
    by_status[m.group(5)] = by_status.get(m.group(5), 0) + 1
    by_method[m.group(3)] = by_method.get(m.group(3), 0) + 1
    total_bytes += int(m.group(6))
errors = len(re.findall(r'" 5\d\d ', log))
ips = len(set(re.findall(r'^\d+\.\d+\.\d+\.\d+', log, re.MULTILINE)))

check_status = {}
check_bytes = 0
for line in lines:
    fields = line.split()
    check_status[fields[-2]] = check_status.get(fields[-2], 0) + 1
    check_bytes += int(fields[-1])
assert by_status == check_status and total_bytes == check_bytes
assert errors == check_status.get("500", 0)
print(len(lines), sorted(by_status.items()), sorted(by_method.items()), total_bytes, ips)
