# What docs/sdk.md's greet module plugin defines, through the real gopy (sdk_test.cmake
# compares the output with check_greet.expected).
def mapped():
    f = open('/proc/self/maps')
    text = f.read()
    f.close()
    return 'greet.so' in text

print('loaded before import:', mapped())
import greet
print('loaded after import:', mapped())

# A function with a positional-only parameter, a default and a keyword-only default.
print(greet.greet('world'))
print(greet.greet('you', 'hi', punctuation='?'))
print(greet.greet('you', greeting='hey'))
print(greet.repeat('ab', times=3))

# Every argument error, in CPython's words.
def error(call):
    try:
        call()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
    return 'no error'

print(error(lambda: greet.greet()))
print(error(lambda: greet.greet('a', 'b', 'c')))
print(error(lambda: greet.greet('a', colour='red')))
print(error(lambda: greet.greet('a', 'hi', greeting='yo')))
print(error(lambda: greet.greet(name='a')))
print(error(lambda: greet.repeat('a')))
print(error(lambda: greet.repeat('a', 2)))
print(error(lambda: greet.repeat()))
print(error(lambda: greet.greet(1)))

# The exception: a module class derived from ValueError.
print(error(lambda: greet.greet('')))
print(greet.GreetError.__module__, greet.GreetError.__name__, issubclass(greet.GreetError, ValueError))
try:
    greet.greet('')
except ValueError as e:
    print('caught as ValueError:', e)

# The constant.
print(greet.DEFAULT_GREETING)

# The type: constructor, method, getter and setter, repr, errors.
g = greet.Greeter()
print(g, type(g), type(g).__module__)
print(g.greet('ann'), g.greet('bob', times=2), g.count)
g.greeting = 'hi'
print(g.greeting, g.greet('cy'), g.count)
print(greet.Greeter('yo').greet('di'))
print(greet.Greeter.greet(g, 'eve'))
print(error(lambda: greet.Greeter(1)))
print(error(lambda: greet.Greeter('a', 'b')))
print(error(lambda: g.greet()))
print(error(lambda: g.greet('x', 2)))
print(error(lambda: greet.Greeter.greet(1, 'x')))

def set_count():
    g.count = 3

def set_other():
    g.other = 3

print(error(set_count))
print(error(set_other))
print(error(lambda: setattr(g, 'greeting', 5)))

# The collector traverses instances (their traverse hook) in a cycle it frees.
import gc
garbage = [greet.Greeter('x') for i in range(3)]
garbage.append(garbage)
del garbage
print('collected', gc.collect() >= 4)
print(greet.greet.__name__, greet.Greeter.greet, greet.greet)
