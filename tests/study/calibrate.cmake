# Calibration tests, and the calibrate subcommand behind a minimal main (until the full CLI registers it).
corridor_test(calibrate_test ${CMAKE_CURRENT_LIST_DIR}/calibrate_test.cpp)
add_executable(calibrate_cli ${CMAKE_CURRENT_LIST_DIR}/calibrate_cli_main.cpp
                             ${PROJECT_SOURCE_DIR}/sim/cli/calibrate_cmd.cpp)
target_link_libraries(calibrate_cli PRIVATE corridor::core CLI11::CLI11 fmt::fmt corridor_warnings)
