# The plugin SDK in the install tree (component "sdk"): the kernel library, its headers,
# the path-configuration library (pathconfig/CMakeLists.txt adds it to gopyTargets), a
# CMake package (find_package(gopy CONFIG) -> gopy::gopy, gopy::gopy_pathconfig and
# gopy_add_plugin()) and a pkg-config file. `cmake --install build --component sdk --prefix P` installs just that.
include(CMakePackageConfigHelpers)

set(GOPY_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/gopy)

install(TARGETS gopy EXPORT gopyTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT sdk
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/kernel/include/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT sdk)
install(EXPORT gopyTargets NAMESPACE gopy:: DESTINATION ${GOPY_INSTALL_CMAKEDIR} COMPONENT sdk)

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/gopyConfig.cmake.in
  ${CMAKE_BINARY_DIR}/sdk/gopyConfig.cmake
  INSTALL_DESTINATION ${GOPY_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR GOPY_INSTALL_PLUGINDIR)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/sdk/gopyConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES
  ${CMAKE_BINARY_DIR}/sdk/gopyConfig.cmake
  ${CMAKE_BINARY_DIR}/sdk/gopyConfigVersion.cmake
  ${CMAKE_CURRENT_LIST_DIR}/GopyAbi.cmake
  ${CMAKE_CURRENT_LIST_DIR}/gopy_abi_probe.cpp
  DESTINATION ${GOPY_INSTALL_CMAKEDIR} COMPONENT sdk)

# The kernel ABI version, as plugin_abi.h defines it.
file(STRINGS ${PROJECT_SOURCE_DIR}/kernel/include/gopy/plugin_abi.h gopy_abi_lines
  REGEX "^#define GOPY_ABI_(MAJOR|MINOR) ")
foreach(line ${gopy_abi_lines})
  if(line MATCHES "^#define (GOPY_ABI_(MAJOR|MINOR)) ([0-9]+)")
    set(${CMAKE_MATCH_1} ${CMAKE_MATCH_3})
  endif()
endforeach()

# pkg-config: relocatable through ${pcfiledir}.
file(RELATIVE_PATH GOPY_PC_TO_PREFIX
  ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(${CMAKE_CURRENT_LIST_DIR}/gopy.pc.in ${CMAKE_BINARY_DIR}/sdk/gopy.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/sdk/gopy.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT sdk)

# gopy-config (as python3-config): flags, plugin directory and ABI of an installation.
add_executable(gopy_config ${PROJECT_SOURCE_DIR}/host/gopy_config.cpp)
set_target_properties(gopy_config PROPERTIES OUTPUT_NAME gopy-config)
gopy_origin_rpath(gopy_config "$ORIGIN/../lib" "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
target_compile_options(gopy_config PRIVATE ${GOPY_WARNINGS})
target_link_libraries(gopy_config PRIVATE gopy CLI11::CLI11)
gopy_executable_options(gopy_config)
install(TARGETS gopy_config RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT sdk)
