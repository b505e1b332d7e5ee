// A zip archive's central directory and its members' data, as zipimport reads them.
// CPython: Lib/zipimport.py _read_directory, _get_data.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace gopy_zipimport {

struct ZipEntry {
  std::string path;        // the archive's path, '/'-separated member name appended
  int compress = 0;        // 0 stored, 8 deflated
  std::int64_t data_size = 0;
  std::int64_t file_size = 0;
  std::int64_t file_offset = 0;  // of the local file header
  int time = 0;
  int date = 0;
  std::uint32_t crc = 0;
};

// The members of `archive` by name; false with `*error` set to CPython's message
// ("not a Zip file: 'x.zip'", "can't open Zip file: ...", ...).
bool read_directory(const std::string& archive, std::map<std::string, ZipEntry>* entries, std::string* error);

// The member's bytes, inflated when deflated; false with `*error` set.
bool read_data(const std::string& archive, const ZipEntry& entry, std::string* data, std::string* error);

}  // namespace gopy_zipimport
