# The compiler/standard-library identity of the ABI tag; manifests say
# "identity": "@GOPY_ABI_IDENTITY@". Probed at every configure, so it follows the compiler
# and the header.
include(${CMAKE_CURRENT_LIST_DIR}/GopyAbi.cmake)
gopy_probe_abi_identity(GOPY_ABI_IDENTITY ${CMAKE_CURRENT_LIST_DIR}/../kernel/include
                        ${CMAKE_CURRENT_LIST_DIR}/gopy_abi_probe.cpp)
# Where plugins go in the install tree: beside the kernel library, wherever the platform
# puts libraries (discovery looks in <kernel lib dir>/gopy/plugins).
set(GOPY_INSTALL_PLUGINDIR ${CMAKE_INSTALL_LIBDIR}/gopy/plugins)

# gopy_plugin(NAME <name> SOURCES <src>... MANIFEST <file>)
# Builds a plugin shared object <name>.so next to its manifest <name>.json in the
# plugin directory of the build tree (and of the install tree). The manifest is copied
# with @GOPY_ABI_IDENTITY@ replaced.
function(gopy_plugin)
  cmake_parse_arguments(P "" "NAME;MANIFEST;OUTPUT_DIR" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_OUTPUT_DIR)
    set(P_OUTPUT_DIR ${GOPY_PLUGIN_OUTPUT_DIR})
  endif()
  add_library(${P_NAME} MODULE ${P_SOURCES})
  set_target_properties(${P_NAME} PROPERTIES
    PREFIX "" OUTPUT_NAME ${P_NAME}
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIR}
    BUILD_RPATH "$ORIGIN/../.."
    INSTALL_RPATH "$ORIGIN/../..")
  target_compile_options(${P_NAME} PRIVATE ${GOPY_WARNINGS})
  # GCC exports some objects (inline variables, libstdc++'s template statics) as
  # STB_GNU_UNIQUE, whatever their visibility; glibc then never unmaps the library
  # (NODELETE), and finalize could not unload the plugin. Plain weak symbols instead.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${P_NAME} PRIVATE -fno-gnu-unique)
  endif()
  target_link_libraries(${P_NAME} PRIVATE gopy ${P_LIBRARIES})
  # A plugin's calls to its own functions (its code and the inline and template functions
  # it instantiates) are bound when it is linked: otherwise dlopen, binding every symbol
  # at load, looks each one up through the whole process before finding it in the plugin.
  # Code and read-only data share one segment (two mappings a load instead of four): an
  # embedder's init/finalize cycle maps every plugin again, and each mapping, its unmapping
  # and its page faults cost microseconds. For the same reason our plugins link without
  # RELRO unless GOPY_PLUGIN_RELRO is on: making the relocated data read-only after the
  # load takes an mprotect that splits the data mapping, about 8 µs a plugin per cycle
  # (bench/cycle), while the lazily bound GOT stays writable either way.
  if(NOT APPLE AND NOT WIN32)
    target_link_options(${P_NAME} PRIVATE -Wl,-Bsymbolic-functions -Wl,-z,noseparate-code)
    if(NOT GOPY_PLUGIN_RELRO)
      target_link_options(${P_NAME} PRIVATE -Wl,-z,norelro)
    endif()
  endif()
  gopy_private_cxx_runtime(${P_NAME} UNLOADABLE)
  if(P_MANIFEST)
    get_filename_component(manifest_name ${P_MANIFEST} NAME)
    configure_file(${P_MANIFEST} ${P_OUTPUT_DIR}/${manifest_name} @ONLY)
    if(P_OUTPUT_DIR STREQUAL GOPY_PLUGIN_OUTPUT_DIR)
      install(FILES ${P_OUTPUT_DIR}/${manifest_name} DESTINATION ${GOPY_INSTALL_PLUGINDIR})
    endif()
  endif()
  if(P_OUTPUT_DIR STREQUAL GOPY_PLUGIN_OUTPUT_DIR)
    gopy_origin_rpath(${P_NAME} "$ORIGIN/../.." "$ORIGIN/../..")
    install(TARGETS ${P_NAME} LIBRARY DESTINATION ${GOPY_INSTALL_PLUGINDIR})
  endif()
endfunction()
