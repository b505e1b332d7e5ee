// slice's constructor, attributes, comparison, hash (slots) and indices() (a method).
#pragma once

namespace gopy {

void init_slice_slots();    // once, with the static types
void init_slice_methods();  // per interpreter, with the type dicts

}  // namespace gopy
