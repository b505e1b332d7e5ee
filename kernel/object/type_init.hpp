// The static types' set-up that create_interpreter (kernel/object/state.cpp) runs once per
// interpreter, declared once here for the areas that own the types.
#pragma once

namespace gopy {

void init_eval_types();          // kernel/eval/call.cpp: the function call slot, code objects
void init_generator_type();      // kernel/eval/generator.cpp: run by init_eval_types
void init_builtin_iter_types();  // kernel/object/builtin_iters.cpp
void init_textio_type();         // kernel/object/textio.cpp
void init_textio_methods();      // kernel/object/textio.cpp
void init_bytes_types();         // kernel/object/bytes.cpp

}  // namespace gopy
