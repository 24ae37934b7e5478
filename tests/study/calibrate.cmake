# Calibration tests.
corridor_test(calibrate_test ${CMAKE_CURRENT_LIST_DIR}/calibrate_test.cpp)
