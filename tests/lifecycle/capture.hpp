// Captures what the process writes to a file descriptor (stdout, stderr) while alive.
#pragma once

#include <string>

class FdCapture {
 public:
  explicit FdCapture(int fd);
  ~FdCapture();
  FdCapture(const FdCapture&) = delete;
  FdCapture& operator=(const FdCapture&) = delete;
  // Stops capturing and returns everything written meanwhile.
  std::string finish();

 private:
  int fd_;
  int saved_ = -1;
  int file_ = -1;
};

// Entries of a /proc/self directory (task: threads, fd: open descriptors).
int count_proc_entries(const char* dir);
