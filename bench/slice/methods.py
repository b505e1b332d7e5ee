# Method calls on class instances: attribute reads and writes, object creation, super().
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Body:
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity

    def step(self):
        self.position = self.position.add(self.velocity)

    def energy(self):
        return self.velocity.dot(self.velocity)


class HeavyBody(Body):
    def __init__(self, position, velocity, mass):
        super().__init__(position, velocity)
        self.mass = mass

    def energy(self):
        return self.mass * super().energy()


bodies = []
for i in range(100):
    velocity = Vector(i % 3 - 1, i % 5 - 2)
    if i % 2:
        bodies.append(HeavyBody(Vector(i, -i), velocity, i % 4 + 1))
    else:
        bodies.append(Body(Vector(i, -i), velocity))

energy = 0
for tick in range(2000):
    for body in bodies:
        body.step()
        energy += body.energy()
print(energy, bodies[-1].position.x, bodies[-1].position.y)
