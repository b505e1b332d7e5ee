// The gopy executable: one call into the kernel's Main.
#include "gopy/lifecycle.hpp"

int main(int argc, char** argv) { return gopy::main(argc, argv); }
