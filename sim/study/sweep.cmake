# Sweeps (plan / run / merge / analyze) and sensitivity designs, part of corridor_study.
# The designs and indices are pure numbers, so they form their own small library below corridor_study:
# its tests then build without the scenario loader or the model.
corridor_module(sensitivity ${CMAKE_CURRENT_LIST_DIR}/design_sobol.cpp ${CMAKE_CURRENT_LIST_DIR}/design.cpp
                ${CMAKE_CURRENT_LIST_DIR}/sensitivity.cpp)
target_link_libraries(corridor_sensitivity PUBLIC corridor_engine Eigen3::Eigen)
target_link_libraries(corridor_study PUBLIC corridor_sensitivity)
