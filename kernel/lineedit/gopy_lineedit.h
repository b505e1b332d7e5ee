/* The C entry points of libgopy_lineedit.so, the REPL's line editor over libedit
   (editing, history, completion), which libgopy loads when the REPL starts on a
   terminal. Plain C: no C++ exceptions or types cross the boundary. */
#ifndef GOPY_LINEEDIT_H
#define GOPY_LINEEDIT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped when the entry points change; libgopy refuses a library of another version. */
#define GOPY_LINEEDIT_ABI_VERSION 1

/* The completer: the state-th match (0, 1, ...) for the word `text`, malloc'd, or NULL
   when there are no more. */
typedef char* (*gopy_lineedit_completer)(const char* text, int state);
/* Asked when a signal interrupts the wait for input: non-zero ends the read. */
typedef int (*gopy_lineedit_interrupted)(void);

/* What gopy_lineedit_read returns. */
enum { GOPY_LINE_READ = 0, GOPY_LINE_EOF = 1, GOPY_LINE_INTERRUPTED = 2 };

int32_t gopy_lineedit_abi_version(void);
/* Sets up libedit on stdin/stdout with `completer` bound to Tab; 0 on success. */
int gopy_lineedit_setup(gopy_lineedit_completer completer);
/* Reads one line after `prompt`. GOPY_LINE_READ: *line holds it, without its newline,
   to be released with gopy_lineedit_free. */
int gopy_lineedit_read(const char* prompt, gopy_lineedit_interrupted interrupted, char** line);
void gopy_lineedit_free(char* line);
/* Appends `line` to the history unless it repeats the last entry. */
void gopy_lineedit_add_history(const char* line);
int gopy_lineedit_history_length(void);
/* The history file in libedit's format; 0 or an errno value. */
int gopy_lineedit_read_history(const char* path);
int gopy_lineedit_write_history(const char* path);

#ifdef __cplusplus
}
#endif

#endif
