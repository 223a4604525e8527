#ifndef DOCBAO_CURSES_SHIM_H
#define DOCBAO_CURSES_SHIM_H
// Functions for the curses macros and globals Swift cannot import, and the signal plumbing that
// must be plain C (a handler that only sets a flag).
#include "../../CNcursesw/shim.h"

WINDOW *shim_stdscr(void);
FILE *shim_stdout(void);

attr_t shim_a_normal(void);
attr_t shim_a_bold(void);
attr_t shim_a_dim(void);
attr_t shim_a_italic(void);
attr_t shim_a_underline(void);
attr_t shim_a_reverse(void);

int shim_key_f(int n);
mmask_t shim_mouse_mask(void);
int shim_is_wheel_up(mmask_t state);
int shim_is_wheel_down(mmask_t state);
int shim_is_click(mmask_t state);

/// Installs flag-setting handlers for every signal whose default action ends the process (SIGINT,
/// SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGPIPE, SIGALRM, … and the real-time ones; no SA_RESTART, so a
/// blocking read returns), and terminal-restoring handlers for fatal signals (a Swift trap included).
void shim_install_signal_handlers(void);
/// Gives every signal shim_install_signal_handlers took back the action it had before.
void shim_restore_signal_handlers(void);
/// The last terminating signal received and not yet taken, or 0.
int shim_take_signal(void);
/// Whether the terminal is in curses mode (set by the backend so the fatal handler knows to restore).
void shim_set_curses_active(int active);

/// Makes the process use a UTF-8 character type even under LANG=C; returns 1 if it is UTF-8 now.
int shim_ensure_utf8_locale(void);
#endif
