# json.dumps and json.loads of a 5 MB document made from a fixed seed; the decoded
# document must equal the original. Prints the text's length and digest.
import hashlib
import json

state = 20261207


def next_int(bound):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return (state >> 12) % bound


WORDS = ["alpha", "beta", "gamma", "delta", "épsilon", "zeta", "eta \"quoted\"", "theta\n", "iota", "kappa"]
records = []
size = 0
while size < 5_000_000:
    record = {
        "id": len(records),
        "name": WORDS[next_int(10)] + str(next_int(1000)),
        "score": next_int(100000) / 7.0,
        "tags": [WORDS[next_int(10)] for _ in range(next_int(6))],
        "active": next_int(2) == 1,
        "parent": None if next_int(3) == 0 else next_int(len(records) + 1),
        "nested": {"x": next_int(1000), "y": [next_int(50), next_int(50)], "label": WORDS[next_int(10)]},
    }
    records.append(record)
    size += 190
document = {"version": 3, "records": records}
text = json.dumps(document)
pretty = json.dumps(records[:2000], indent=2, sort_keys=True)
decoded = json.loads(text)
assert decoded == document
assert json.loads(pretty) == records[:2000]
print(len(records), len(text), hashlib.sha256(text.encode()).hexdigest()[:16])
