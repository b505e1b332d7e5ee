// int and float methods and attributes beyond arithmetic (num_methods.cpp).
#pragma once

namespace gopy {

void init_num_slots();    // once: the real/imag/numerator/denominator attributes
void init_num_methods();  // per interpreter: the methods in the type dicts

}  // namespace gopy
