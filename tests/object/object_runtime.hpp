// An interpreter for one object-model test: created, then finalized and fully freed.
#pragma once

#include "gopy/state.hpp"

struct ObjectRuntime {
  gopy::ThreadState* ts;
  ObjectRuntime() {
    gopy::InterpreterSettings s;
    s.use_hash_seed = true;
    ts = gopy::create_interpreter(s);
  }
  ~ObjectRuntime() {
    gopy::finalize_modules(ts->interp);
    gopy::free_all_objects(ts->interp);
    gopy::destroy_interpreter(ts);
  }
  ObjectRuntime(const ObjectRuntime&) = delete;
  ObjectRuntime& operator=(const ObjectRuntime&) = delete;
};
