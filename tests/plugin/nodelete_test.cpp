// nodelete_test: no plugin library is one glibc would keep mapped after dlclose. A library
// is NODELETE when it exports an STB_GNU_UNIQUE symbol (GCC makes inline variables and
// libstdc++'s template statics unique unless built with -fno-gnu-unique) or when it was
// linked with -z nodelete (DF_1_NODELETE). Read from the ELF files themselves.
#include <catch2/catch.hpp>
#include <elf.h>
#include <link.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct ElfFacts {
  bool valid = false;
  std::vector<std::string> unique_symbols;
  bool nodelete = false;
};

template <typename T>
bool read_at(const std::vector<char>& image, std::size_t offset, T& out) {
  if (offset > image.size() || image.size() - offset < sizeof(T)) return false;
  std::memcpy(&out, image.data() + offset, sizeof(T));
  return true;
}

// The dynamic symbol table's unique symbols and the DT_FLAGS_1 NODELETE bit of a 64-bit
// ELF shared object.
ElfFacts read_elf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> image{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ElfFacts facts;
  Elf64_Ehdr eh;
  if (!read_at(image, 0, eh) || std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
      eh.e_ident[EI_CLASS] != ELFCLASS64)
    return facts;
  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (!read_at(image, eh.e_shoff + i * sizeof(Elf64_Shdr), sections[i])) return facts;
  }
  for (const Elf64_Shdr& sh : sections) {
    if (sh.sh_type == SHT_DYNSYM && sh.sh_link < sections.size()) {
      const Elf64_Shdr& strtab = sections[sh.sh_link];
      for (std::size_t off = 0; off + sizeof(Elf64_Sym) <= sh.sh_size; off += sizeof(Elf64_Sym)) {
        Elf64_Sym sym;
        if (!read_at(image, sh.sh_offset + off, sym)) return facts;
        if (ELF64_ST_BIND(sym.st_info) != STB_GNU_UNIQUE) continue;
        std::size_t name = strtab.sh_offset + sym.st_name;
        facts.unique_symbols.push_back(name < image.size() ? std::string(image.data() + name) : "?");
      }
    }
    if (sh.sh_type == SHT_DYNAMIC) {
      for (std::size_t off = 0; off + sizeof(Elf64_Dyn) <= sh.sh_size; off += sizeof(Elf64_Dyn)) {
        Elf64_Dyn dyn;
        if (!read_at(image, sh.sh_offset + off, dyn)) return facts;
        if (dyn.d_tag == DT_FLAGS_1 && (dyn.d_un.d_val & DF_1_NODELETE) != 0) facts.nodelete = true;
      }
    }
  }
  facts.valid = true;
  return facts;
}

std::vector<fs::path> libraries_in(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".so") found.push_back(entry.path());
  }
  return found;
}

}  // namespace

TEST_CASE("nodelete_test: no plugin exports a unique symbol or is linked NODELETE",
          "[plugin][unload]") {
  std::vector<fs::path> plugins = libraries_in(GOPY_TEST_BUILTIN_PLUGIN_DIR);
  // builtins, sys, import_stub, pathconfig_unix, pathconfig_win
  REQUIRE(plugins.size() >= 5);
  for (const fs::path& fixture : libraries_in(GOPY_TEST_PLUGIN_DIR)) plugins.push_back(fixture);
  for (const fs::path& plugin : plugins) {
    INFO(plugin.string());
    ElfFacts facts = read_elf(plugin);
    REQUIRE(facts.valid);
    CHECK(facts.unique_symbols.empty());
    CHECK_FALSE(facts.nodelete);
  }
}

TEST_CASE("nodelete_test: the reader finds a unique symbol where GCC emits one", "[plugin][unload]") {
  // The libstdc++ this test runs with is built with unique symbols (its template statics).
  std::string libstdcxx;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        std::string name = info->dlpi_name != nullptr ? info->dlpi_name : "";
        if (name.find("/libstdc++.so") != std::string::npos) *static_cast<std::string*>(data) = name;
        return 0;
      },
      &libstdcxx);
  REQUIRE_FALSE(libstdcxx.empty());
  ElfFacts facts = read_elf(libstdcxx);
  REQUIRE(facts.valid);
  CHECK_FALSE(facts.unique_symbols.empty());
}
