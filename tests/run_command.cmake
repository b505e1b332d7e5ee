# run(<command> <arg>...): for the CTest scripts (cmake -P) that install and build out of
# tree. Stops the script with the command's output when it fails; otherwise sets
# run_output and run_error (its stdout and stderr) in the caller's scope.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
  set(run_error "${err}" PARENT_SCOPE)
endfunction()
