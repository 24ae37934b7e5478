# Sweep and sensitivity tests.
# The sensitivity math links only corridor_sensitivity, so it builds and runs on its own.
add_executable(sensitivity_test ${CMAKE_CURRENT_LIST_DIR}/sensitivity_design_test.cpp
                                ${CMAKE_CURRENT_LIST_DIR}/sensitivity_indices_test.cpp)
target_link_libraries(sensitivity_test PRIVATE corridor_sensitivity GTest::gtest GTest::gtest_main corridor_warnings)
gtest_discover_tests(sensitivity_test DISCOVERY_TIMEOUT 120 WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

corridor_test(sweep_test ${CMAKE_CURRENT_LIST_DIR}/sweep_spec_test.cpp ${CMAKE_CURRENT_LIST_DIR}/sweep_run_test.cpp
              ${CMAKE_CURRENT_LIST_DIR}/sensitivity_sweep_test.cpp)
target_link_libraries(sweep_test PRIVATE yaml-cpp)

# The real CLI on the real model: splits, SIGKILL and resume, MPI ranks.
add_test(NAME sweep_cli_split_and_resume
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sweep_cli_test.sh $<TARGET_FILE:corridor> ${PROJECT_SOURCE_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/sweep-cli-test)
set_tests_properties(sweep_cli_split_and_resume PROPERTIES TIMEOUT 300)
if(CORRIDOR_HAVE_MPI)
  add_test(NAME sweep_mpi_three_ranks
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sweep_mpi_test.sh ${MPIEXEC_EXECUTABLE} $<TARGET_FILE:corridor>
                   ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/sweep-mpi-test)
  # OpenMPI does not free what its plugins allocate by MPI_Finalize, and the plugins are unloaded by exit, so
  # LeakSanitizer reports them from "<unknown module>" where no suppression by library can match. Leaks in
  # corridor's own code are covered by every other test; here ASan still checks memory errors.
  set_tests_properties(sweep_mpi_three_ranks PROPERTIES TIMEOUT 300 ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
endif()
