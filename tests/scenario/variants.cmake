# The bundled variants against the baseline: each moves the metrics the way its real counterpart did.
corridor_test(variants_test ${CMAKE_CURRENT_LIST_DIR}/variants_test.cpp)
