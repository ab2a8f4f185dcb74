# cmake -DEXECUTABLE=PATH -DLINKS=A|B|... -P checkdependencies.cmake: fails when annorev_core is
# declared to link anything but QtCore (LINKS: its LINK_LIBRARIES), or when the executable built
# on it needs a Qt library other than QtCore at run time, directly or through another library.
string(REPLACE "|" ";" links "${LINKS}")
message(STATUS "annorev_core links: ${links}")
foreach(link IN LISTS links)
    if(NOT link MATCHES "^(Qt6::Core|.*annorev_schema.*)$")
        message(FATAL_ERROR "annorev_core links ${link}: it must link QtCore alone")
    endif()
endforeach()
file(GET_RUNTIME_DEPENDENCIES
    EXECUTABLES "${EXECUTABLE}"
    RESOLVED_DEPENDENCIES_VAR resolved
    UNRESOLVED_DEPENDENCIES_VAR unresolved)
set(qt_libraries "")
foreach(library IN LISTS resolved unresolved)
    get_filename_component(name "${library}" NAME)
    if(name MATCHES "^libQt6")
        list(APPEND qt_libraries "${name}")
    endif()
endforeach()
message(STATUS "Qt libraries needed: ${qt_libraries}")
foreach(name IN LISTS qt_libraries)
    if(NOT name MATCHES "^libQt6Core\\.so")
        message(FATAL_ERROR "${EXECUTABLE} needs ${name}: annorev_core must link QtCore alone")
    endif()
endforeach()
if(NOT qt_libraries)
    message(FATAL_ERROR "${EXECUTABLE} needs no Qt library at all: is it the right file?")
endif()
