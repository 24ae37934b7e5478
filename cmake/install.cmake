# `cmake --install` puts the corridor command, the public headers and the static libraries under a prefix,
# with a package configuration so that another project finds them with find_package(corridor) and links
# corridor::core (or single modules: corridor::scenario, corridor::io, ...). tests/consumer checks this.
include(CMakePackageConfigHelpers)

get_property(_corridor_modules GLOBAL PROPERTY CORRIDOR_MODULES)
install(TARGETS ${_corridor_modules} corridor_core EXPORT corridor-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS corridor RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/corridor DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(_corridor_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/corridor)
install(EXPORT corridor-targets NAMESPACE corridor:: DESTINATION ${_corridor_cmake_dir})
configure_package_config_file(cmake/corridorConfig.cmake.in ${PROJECT_BINARY_DIR}/corridorConfig.cmake
                              INSTALL_DESTINATION ${_corridor_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/corridorConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/corridorConfig.cmake ${PROJECT_BINARY_DIR}/corridorConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FindGLPK.cmake
        DESTINATION ${_corridor_cmake_dir})
