# Nested loops with integer arithmetic, comparisons and augmented assignment.
total = 0
checks = 0
for i in range(1000):
    row = 0
    for j in range(1000):
        row += (i * j) % 7 - (i + j) // 3
        if (i ^ j) & 1:
            checks += 1
    total += row * 2 - i
print(total, checks)
