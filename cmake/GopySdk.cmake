# The plugin SDK in the install tree (component "sdk"): the kernel library, its headers,
# the path-configuration library (pathconfig/CMakeLists.txt adds it to gopyTargets), a
# CMake package (find_package(gopy CONFIG) -> gopy::gopy, gopy::gopy_pathconfig and
# gopy_add_plugin()), a pkg-config file, gopy-config and the manifest schema
# (share/gopy/manifest.schema.json). `cmake --install build --component sdk --prefix P` installs just that.
include(CMakePackageConfigHelpers)

set(GOPY_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/gopy)
set(GOPY_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/gopy)
install(FILES ${PROJECT_SOURCE_DIR}/manifests/manifest.schema.json
  DESTINATION ${GOPY_INSTALL_DATADIR} COMPONENT sdk)

install(TARGETS gopy EXPORT gopyTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT sdk
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/kernel/include/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT sdk)
install(EXPORT gopyTargets NAMESPACE gopy:: DESTINATION ${GOPY_INSTALL_CMAKEDIR} COMPONENT sdk)

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/gopyConfig.cmake.in
  ${CMAKE_BINARY_DIR}/sdk/gopyConfig.cmake
  INSTALL_DESTINATION ${GOPY_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_LIBDIR GOPY_INSTALL_PLUGINDIR GOPY_INSTALL_DATADIR)
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
# What it answers from the build tree, where there is no include/ beside lib/ (the
# headers stay in the source tree), and its relative install layout.
target_compile_definitions(gopy_config PRIVATE
  GOPY_VERSION="${PROJECT_VERSION}"
  GOPY_BUILD_INCLUDE_DIRS="${PROJECT_SOURCE_DIR}/kernel/include:${PROJECT_SOURCE_DIR}/pathconfig/include"
  GOPY_INSTALL_INCLUDEDIR="${CMAKE_INSTALL_INCLUDEDIR}"
  GOPY_INSTALL_SCHEMA="${GOPY_INSTALL_DATADIR}/manifest.schema.json"
  GOPY_BUILD_SCHEMA="${PROJECT_SOURCE_DIR}/manifests/manifest.schema.json")
target_link_libraries(gopy_config PRIVATE gopy CLI11::CLI11)
gopy_executable_options(gopy_config)
install(TARGETS gopy_config RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT sdk)
