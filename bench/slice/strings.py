# String building: str(), f-strings, concatenation, join, slicing and a few methods.
parts = []
for i in range(150000):
    parts.append(str(i))
joined = ",".join(parts)

lines = []
for i in range(80000):
    lines.append(f"{i:>6}|{i * 3:05d}|{i % 97:x}")
report = "\n".join(lines)

text = ""
for i in range(80000):
    text += chr(97 + i % 26)

upper = text.upper()
words = joined.split(",")
print(len(joined), len(report), len(text), upper[:10], words[-1], report[-17:])
