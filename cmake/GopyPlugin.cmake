# The compiler/standard-library identity of the ABI tag, as GOPY_ABI_IDENTITY expands to
# (gopy/plugin.hpp); manifests say "identity": "@GOPY_ABI_IDENTITY@".
# Probed at every configure, so it follows the compiler and the header.
block(SCOPE_FOR VARIABLES PROPAGATE GOPY_ABI_IDENTITY)
  try_run(gopy_abi_run gopy_abi_compiled ${CMAKE_BINARY_DIR}/abi_probe
    ${CMAKE_CURRENT_LIST_DIR}/gopy_abi_probe.cpp
    CMAKE_FLAGS -DINCLUDE_DIRECTORIES=${CMAKE_CURRENT_LIST_DIR}/../kernel/include
    CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON CXX_EXTENSIONS OFF
    RUN_OUTPUT_VARIABLE gopy_abi_identity)
  if(NOT gopy_abi_compiled OR NOT gopy_abi_run EQUAL 0)
    message(FATAL_ERROR "gopy: cannot determine the plugin ABI identity")
  endif()
  set(GOPY_ABI_IDENTITY "${gopy_abi_identity}")
endblock()

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
  target_link_libraries(${P_NAME} PRIVATE gopy ${P_LIBRARIES})
  if(P_MANIFEST)
    get_filename_component(manifest_name ${P_MANIFEST} NAME)
    configure_file(${P_MANIFEST} ${P_OUTPUT_DIR}/${manifest_name} @ONLY)
    if(P_OUTPUT_DIR STREQUAL GOPY_PLUGIN_OUTPUT_DIR)
      install(FILES ${P_OUTPUT_DIR}/${manifest_name} DESTINATION ${GOPY_PLUGIN_SUBDIR})
    endif()
  endif()
  if(P_OUTPUT_DIR STREQUAL GOPY_PLUGIN_OUTPUT_DIR)
    install(TARGETS ${P_NAME} LIBRARY DESTINATION ${GOPY_PLUGIN_SUBDIR})
  endif()
endfunction()
