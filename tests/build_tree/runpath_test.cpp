// Every ELF file of the build tree searches for libraries only where its RUNPATH (or
// RPATH) says, and never in the current directory: an empty entry ("[$ORIGIN/../lib:]")
// or a relative one is read by ld.so relative to the working directory, so a libc.so.6
// planted there would run inside gopy. Entries must be absolute or start at $ORIGIN.
#include <catch2/catch.hpp>

#include <elf.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

template <class T>
std::optional<T> at(const std::string& data, std::uint64_t offset) {
  if (offset > data.size() || data.size() - offset < sizeof(T)) return std::nullopt;
  T value;
  std::memcpy(&value, data.data() + offset, sizeof(T));
  return value;
}

struct SearchPaths {
  bool elf = false;                 // a 64-bit executable or shared object
  std::vector<std::string> paths;   // each DT_RUNPATH and DT_RPATH string
};

// Reads the dynamic section through the program headers, as the dynamic loader does.
SearchPaths search_paths(const std::string& data) {
  SearchPaths out;
  auto header = at<Elf64_Ehdr>(data, 0);
  if (!header || std::memcmp(header->e_ident, ELFMAG, SELFMAG) != 0 ||
      header->e_ident[EI_CLASS] != ELFCLASS64 ||
      (header->e_type != ET_EXEC && header->e_type != ET_DYN))
    return out;
  out.elf = true;
  std::vector<Elf64_Phdr> segments;
  for (unsigned i = 0; i < header->e_phnum; ++i)
    if (auto p = at<Elf64_Phdr>(data, header->e_phoff + std::uint64_t(i) * header->e_phentsize))
      segments.push_back(*p);
  auto file_offset = [&](std::uint64_t address) -> std::optional<std::uint64_t> {
    for (const Elf64_Phdr& p : segments)
      if (p.p_type == PT_LOAD && address >= p.p_vaddr && address < p.p_vaddr + p.p_filesz)
        return address - p.p_vaddr + p.p_offset;
    return std::nullopt;
  };
  for (const Elf64_Phdr& p : segments) {
    if (p.p_type != PT_DYNAMIC) continue;
    std::uint64_t strtab = 0;
    std::vector<std::uint64_t> offsets;
    for (std::uint64_t off = p.p_offset; off + sizeof(Elf64_Dyn) <= p.p_offset + p.p_filesz;
         off += sizeof(Elf64_Dyn)) {
      auto d = at<Elf64_Dyn>(data, off);
      if (!d || d->d_tag == DT_NULL) break;
      if (d->d_tag == DT_STRTAB) strtab = d->d_un.d_ptr;
      if (d->d_tag == DT_RUNPATH || d->d_tag == DT_RPATH) offsets.push_back(d->d_un.d_val);
    }
    auto base = file_offset(strtab);
    for (std::uint64_t offset : offsets)  // a file still being written is skipped
      if (base && *base + offset < data.size()) out.paths.emplace_back(data.c_str() + *base + offset);
  }
  return out;
}

// The entries of a search path that the dynamic loader would resolve against the current
// directory: empty ones and relative ones.
std::vector<std::string> cwd_entries(const std::string& path) {
  std::vector<std::string> bad;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = path.find(':', start);
    std::string entry = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    bool anchored = (!entry.empty() && entry[0] == '/') || entry.rfind("$ORIGIN", 0) == 0 ||
                    entry.rfind("${ORIGIN}", 0) == 0;
    if (!anchored) bad.push_back("'" + entry + "'");
    if (end == std::string::npos) return bad;
    start = end + 1;
  }
}

}  // namespace

TEST_CASE("build tree: no ELF file searches the current directory for libraries", "[build]") {
  const fs::path root = GOPY_BUILD_TREE;
  std::size_t elf_files = 0, with_paths = 0;
  std::error_code ec;
  // Other tests may add or remove files meanwhile: an iteration error ends nothing.
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (!entry.is_regular_file(ec) || entry.is_symlink(ec)) continue;
    std::string name = entry.path().filename().string();
    if (name.size() > 2 && name.compare(name.size() - 2, 2, ".o") == 0) continue;
    SearchPaths found = search_paths(read_all(entry.path()));
    if (!found.elf) continue;
    ++elf_files;
    if (!found.paths.empty()) ++with_paths;
    for (const std::string& path : found.paths) {
      INFO(entry.path().string() << ": RUNPATH [" << path << "]");
      CHECK(cwd_entries(path).empty());
    }
  }
  // The shipped host, its tools and plugins are among them, with a RUNPATH each.
  for (const char* file : {"bin/gopy", "bin/gopy-system", "bin/gopy-config", "lib/gopy/plugins/sys.so"}) {
    INFO(file);
    SearchPaths found = search_paths(read_all(root / file));
    CHECK(found.elf);
    CHECK(found.paths.size() == 1);
  }
  CHECK(elf_files > 10);
  CHECK(with_paths > 5);
}

TEST_CASE("build tree: the check finds an empty or relative entry", "[build]") {
  CHECK(cwd_entries("$ORIGIN/../lib:/usr/lib").empty());
  CHECK(cwd_entries("${ORIGIN}/x").empty());
  CHECK(cwd_entries("$ORIGIN/../lib:") == std::vector<std::string>{"''"});
  CHECK(cwd_entries(":$ORIGIN") == std::vector<std::string>{"''"});
  CHECK(cwd_entries("$ORIGIN/../..::/lib") == std::vector<std::string>{"''"});
  CHECK(cwd_entries("lib:./x") == std::vector<std::string>{"'lib'", "'./x'"});
  CHECK(cwd_entries("") == std::vector<std::string>{"''"});
}
