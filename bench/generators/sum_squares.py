# A generator expression consumed by sum(): 5,000,000 resumptions.
print("sum_squares", sum(x * x for x in range(5_000_000)))
