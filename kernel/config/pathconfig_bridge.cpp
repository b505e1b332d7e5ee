// The fallback bridge between a path strategy plugin and the interpreter. The lifecycle
// (kernel/lifecycle/) defines the real apply_path_strategy, which replaces this weak one
// at link time; until it does, a strategy plugin's attach fails with a clear error
// instead of an unresolved symbol in the loaded plugin.
#include "gopy/pathconfig.hpp"

namespace gopy::pathconfig {

__attribute__((weak)) Status apply_path_strategy(void* /*interp*/,
                                                 const StrategyBinding& /*binding*/) {
  return Status::error("apply_path_strategy",
                       "this gopy kernel cannot apply a path configuration strategy yet");
}

}  // namespace gopy::pathconfig
