parts = []
s = ""
for i in range(200000):
    s += str(i % 10)
    if len(s) > 50:
        parts.append(s)
        s = ""
print(len("".join(parts)))
