#include "capture.hpp"

#include <dirent.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

FdCapture::FdCapture(int fd) : fd_(fd) {
  std::fflush(nullptr);
  char name[] = "/tmp/gopy-capture-XXXXXX";
  file_ = mkstemp(name);
  unlink(name);
  saved_ = dup(fd_);
  dup2(file_, fd_);
}

FdCapture::~FdCapture() { finish(); }

std::string FdCapture::finish() {
  if (saved_ < 0) return {};
  std::fflush(nullptr);
  dup2(saved_, fd_);
  close(saved_);
  saved_ = -1;
  std::string text;
  lseek(file_, 0, SEEK_SET);
  char buffer[4096];
  ssize_t n;
  while ((n = read(file_, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<size_t>(n));
  close(file_);
  return text;
}

int count_proc_entries(const char* dir) {
  DIR* d = opendir(dir);
  if (d == nullptr) return -1;
  int count = 0;
  while (dirent* entry = readdir(d)) {
    if (entry->d_name[0] != '.') ++count;
  }
  closedir(d);
  return count;
}
