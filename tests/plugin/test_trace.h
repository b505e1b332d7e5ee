// What the test plugins and plugin_test share: the test passes a TestTrace as the
// interpreter pointer; each plugin appends what it did and obeys the fault switches.
#pragma once

#include <cstddef>
#include <cstring>

struct TestTrace {
  char text[2048] = {};        // "tp_a+ tp_b+ tp_c! tp_b- tp_a-" as the plugins saw it
  char fail_attach[64] = {};   // a plugin of this name returns an error from attach
  char throw_attach[64] = {};  // ... throws a C++ exception from attach
  char fail_detach[64] = {};   // ... returns an error from detach

  void add(const char* name, const char* mark) {
    std::size_t used = std::strlen(text);
    if (used + std::strlen(name) + std::strlen(mark) + 2 >= sizeof text) return;
    if (used != 0) text[used++] = ' ';
    std::strcpy(text + used, name);
    std::strcat(text, mark);
  }
};
