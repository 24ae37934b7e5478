# Calibration (corridor calibrate): weighted least squares on scenario parameters, part of corridor_study.
# It reuses the sweep's parameter paths (sweep_tree.cpp, listed in sweep.cmake).
target_sources(corridor_study PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/calibrate_spec.cpp ${CMAKE_CURRENT_LIST_DIR}/calibrate_fit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/calibrate_overlay.cpp)
target_link_libraries(corridor_study PRIVATE yaml-cpp Eigen3::Eigen)
