// gopy-system: PEP 432's "system Python", the same runtime as gopy with isolated mode
// (-I) as its preset, for system tools that must not be steered by PYTHON* variables,
// the current directory or the user's site-packages.
#include "gopy/lifecycle.hpp"

int main(int argc, char** argv) { return gopy::system_main(argc, argv); }
