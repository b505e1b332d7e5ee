# gopy_plugin(NAME <name> SOURCES <src>... MANIFEST <file>)
# Builds a plugin shared object <name>.so next to its manifest <name>.json in the
# plugin directory of the build tree (and of the install tree).
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
    configure_file(${P_MANIFEST} ${P_OUTPUT_DIR}/${manifest_name} COPYONLY)
    if(P_OUTPUT_DIR STREQUAL GOPY_PLUGIN_OUTPUT_DIR)
      install(FILES ${P_MANIFEST} DESTINATION ${GOPY_PLUGIN_SUBDIR})
    endif()
  endif()
  if(P_OUTPUT_DIR STREQUAL GOPY_PLUGIN_OUTPUT_DIR)
    install(TARGETS ${P_NAME} LIBRARY DESTINATION ${GOPY_PLUGIN_SUBDIR})
  endif()
endfunction()
