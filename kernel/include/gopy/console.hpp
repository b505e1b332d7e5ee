// Where configuration reading prints (help, version, usage errors, locale warnings):
// stdout and stderr by default, any sink for tests and embedders.
#pragma once
#include "gopy/api_begin.h"

#include <functional>
#include <string_view>

namespace gopy {

struct ConsoleOutput {
  std::function<void(std::string_view)> out;
  std::function<void(std::string_view)> err;
  static ConsoleOutput stdio();
};

}  // namespace gopy
#include "gopy/api_end.h"
