# Sweep and sensitivity tests.
# The sensitivity math links only corridor_sensitivity, so it builds and runs on its own.
add_executable(sensitivity_test ${CMAKE_CURRENT_LIST_DIR}/sensitivity_design_test.cpp
                                ${CMAKE_CURRENT_LIST_DIR}/sensitivity_indices_test.cpp)
target_link_libraries(sensitivity_test PRIVATE corridor_sensitivity GTest::gtest GTest::gtest_main corridor_warnings)
gtest_discover_tests(sensitivity_test DISCOVERY_TIMEOUT 120 WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

corridor_test(sweep_test ${CMAKE_CURRENT_LIST_DIR}/sweep_spec_test.cpp ${CMAKE_CURRENT_LIST_DIR}/sweep_run_test.cpp
              ${CMAKE_CURRENT_LIST_DIR}/sensitivity_sweep_test.cpp)
target_link_libraries(sweep_test PRIVATE yaml-cpp)

# The sweep subcommand behind a minimal main, for the script tests below (kill and resume, MPI).
add_executable(sweep_cli ${CMAKE_CURRENT_LIST_DIR}/sweep_cli_main.cpp ${PROJECT_SOURCE_DIR}/sim/cli/sweep_cmd.cpp)
target_link_libraries(sweep_cli PRIVATE corridor::core CLI11::CLI11 fmt::fmt corridor_warnings)
if(CORRIDOR_HAVE_MPI)
  target_link_libraries(sweep_cli PRIVATE corridor_sweep_mpi)
endif()
add_test(NAME sweep_cli_split_and_resume
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sweep_cli_test.sh $<TARGET_FILE:sweep_cli> ${PROJECT_SOURCE_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/sweep-cli-test)
set_tests_properties(sweep_cli_split_and_resume PROPERTIES TIMEOUT 300)
if(CORRIDOR_HAVE_MPI)
  add_test(NAME sweep_mpi_three_ranks
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sweep_mpi_test.sh ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:sweep_cli>
                   ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sweep-mpi-test)
  set_tests_properties(sweep_mpi_three_ranks PROPERTIES TIMEOUT 300)
endif()
