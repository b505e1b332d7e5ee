// Reading zip archives for zipimport: the end-of-central-directory record (searched for in
// the last 64 KiB + 22 bytes, as a comment may follow it), the central directory, and a
// member's local header and data. CPython: Lib/zipimport.py _read_directory, _get_data.
#include "zip_archive.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace gopy_zipimport {
namespace {

constexpr std::int64_t kEndRecordSize = 22;
constexpr std::int64_t kMaxCommentSize = 0xffff;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::uint32_t u16(const unsigned char* p) { return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8; }
std::uint32_t u32(const unsigned char* p) { return u16(p) | u16(p + 2) << 16; }

// repr() of the archive's name, as the messages quote it (plain ASCII names only differ
// from Python's repr in escapes gopy's callers never see for real archive names).
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

bool read_at(std::FILE* f, std::int64_t offset, size_t size, std::string* out) {
  if (std::fseek(f, long(offset), SEEK_SET) != 0) return false;
  out->resize(size);
  return std::fread(out->data(), 1, size, f) == size;
}

}  // namespace

bool read_directory(const std::string& archive, std::map<std::string, ZipEntry>* entries, std::string* error) {
  File f(std::fopen(archive.c_str(), "rb"));
  if (!f) {
    *error = "can't open Zip file: " + quoted(archive);
    return false;
  }
  if (std::fseek(f.get(), 0, SEEK_END) != 0) {
    *error = "can't read Zip file: " + quoted(archive);
    return false;
  }
  const std::int64_t file_size = std::ftell(f.get());
  std::int64_t tail_start = std::max<std::int64_t>(0, file_size - kEndRecordSize - kMaxCommentSize);
  std::string tail;
  // Too short to hold the end record: the seek before it fails, as CPython's does.
  if (file_size < kEndRecordSize || !read_at(f.get(), tail_start, size_t(file_size - tail_start), &tail)) {
    *error = "can't read Zip file: " + quoted(archive);
    return false;
  }
  size_t end = tail.rfind(std::string("PK\5\6", 4));
  if (end == std::string::npos || tail.size() - end < size_t(kEndRecordSize)) {
    *error = "not a Zip file: " + quoted(archive);
    return false;
  }
  const auto* rec = reinterpret_cast<const unsigned char*>(tail.data() + end);
  const std::int64_t header_position = tail_start + std::int64_t(end);
  const std::int64_t header_size = u32(rec + 12);
  const std::int64_t header_offset = u32(rec + 16);
  if (header_position < header_size) {
    *error = "bad central directory size: " + quoted(archive);
    return false;
  }
  if (header_position < header_offset) {
    *error = "bad central directory offset: " + quoted(archive);
    return false;
  }
  // Bytes prepended to the archive (a launcher script) shift every offset.
  const std::int64_t arc_offset = header_position - header_size - header_offset;
  if (arc_offset < 0) {
    *error = "bad central directory size or offset: " + quoted(archive);
    return false;
  }
  std::string dir;
  if (!read_at(f.get(), header_position - header_size, size_t(header_size), &dir)) {
    *error = "can't read Zip file: " + quoted(archive);
    return false;
  }
  size_t pos = 0;
  while (pos + 46 <= dir.size()) {
    const auto* h = reinterpret_cast<const unsigned char*>(dir.data() + pos);
    if (std::memcmp(h, "PK\1\2", 4) != 0) break;
    ZipEntry e;
    const std::uint32_t flags = u16(h + 8);
    e.compress = int(u16(h + 10));
    e.time = int(u16(h + 12));
    e.date = int(u16(h + 14));
    e.crc = u32(h + 16);
    e.data_size = u32(h + 20);
    e.file_size = u32(h + 24);
    const size_t name_size = u16(h + 28), extra_size = u16(h + 30), comment_size = u16(h + 32);
    e.file_offset = std::int64_t(u32(h + 42)) + arc_offset;
    if (pos + 46 + name_size > dir.size()) {
      *error = "bad central directory size: " + quoted(archive);
      return false;
    }
    std::string name = dir.substr(pos + 46, name_size);
    (void)flags;  // names are taken as UTF-8 (flag 0x800) or as bytes, which is the same here
    e.path = archive + "/" + name;
    (*entries)[name] = e;
    pos += 46 + name_size + extra_size + comment_size;
  }
  return true;
}

bool read_data(const std::string& archive, const ZipEntry& entry, std::string* data, std::string* error) {
  if (entry.data_size < 0) {
    *error = "negative data size";
    return false;
  }
  File f(std::fopen(archive.c_str(), "rb"));
  if (!f) {
    *error = "can't open Zip file: " + quoted(archive);
    return false;
  }
  std::string header;
  if (!read_at(f.get(), entry.file_offset, 30, &header)) {
    *error = "EOF read where not expected";
    return false;
  }
  if (header.compare(0, 4, std::string("PK\3\4", 4)) != 0) {
    *error = "bad local file header: " + quoted(archive);
    return false;
  }
  const auto* h = reinterpret_cast<const unsigned char*>(header.data());
  const std::int64_t start = entry.file_offset + 30 + u16(h + 26) + u16(h + 28);
  std::string raw;
  if (!read_at(f.get(), start, size_t(entry.data_size), &raw)) {
    *error = "zipimport: can't read data";
    return false;
  }
  if (entry.compress == 0) {
    *data = std::move(raw);
    return true;
  }
  // Raw deflate (no zlib header): window bits -15, as CPython's zlib.decompress(raw, -15).
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) {
    *error = "can't decompress data; zlib not available";
    return false;
  }
  data->assign(size_t(entry.file_size), '\0');
  z.next_in = reinterpret_cast<Bytef*>(raw.data());
  z.avail_in = uInt(raw.size());
  z.next_out = reinterpret_cast<Bytef*>(data->data());
  z.avail_out = uInt(data->size());
  int rc = inflate(&z, Z_FINISH);
  const size_t produced = data->size() - z.avail_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || produced != size_t(entry.file_size)) {
    *error = "Error -3 while decompressing data: invalid stored block lengths";
    return false;
  }
  return true;
}

}  // namespace gopy_zipimport
