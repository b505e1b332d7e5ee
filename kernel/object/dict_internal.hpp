// dict internals shared by dict.cpp and dict_methods.cpp.
#pragma once

#include "gopy/object_containers.hpp"

namespace gopy {}  // namespace gopy
