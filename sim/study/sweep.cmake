# Sweeps (plan / run / merge / analyze) and sensitivity designs, part of corridor_study.
# The designs and indices are pure numbers, so they form their own small library below corridor_study:
# its tests then build without the scenario loader or the model.
corridor_module(sensitivity ${CMAKE_CURRENT_LIST_DIR}/design_sobol.cpp ${CMAKE_CURRENT_LIST_DIR}/design.cpp
                ${CMAKE_CURRENT_LIST_DIR}/sensitivity.cpp)
target_link_libraries(corridor_sensitivity PUBLIC corridor_engine Eigen3::Eigen)

target_sources(corridor_study PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sweep_spec.cpp ${CMAKE_CURRENT_LIST_DIR}/design_points.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sweep_tree.cpp ${CMAKE_CURRENT_LIST_DIR}/sweep_plan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sweep_run.cpp ${CMAKE_CURRENT_LIST_DIR}/sweep_merge.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sweep_model.cpp ${CMAKE_CURRENT_LIST_DIR}/sensitivity_report.cpp)
target_link_libraries(corridor_study PUBLIC corridor_sensitivity corridor_scenario
                                     PRIVATE yaml-cpp nlohmann_json::nlohmann_json)

# MPI lives apart, linked only by the CLI, so the library and its tests never need an MPI runtime.
if(CORRIDOR_HAVE_MPI)
  add_library(corridor_sweep_mpi STATIC ${CMAKE_CURRENT_LIST_DIR}/sweep_mpi.cpp)
  target_link_libraries(corridor_sweep_mpi PUBLIC corridor_study MPI::MPI_CXX PRIVATE corridor_warnings)
  target_compile_definitions(corridor_sweep_mpi PUBLIC CORRIDOR_HAVE_MPI=1)
endif()
