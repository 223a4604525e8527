#include "CursesShim.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>

WINDOW *shim_stdscr(void) { return stdscr; }
FILE *shim_stdout(void) { return stdout; }

attr_t shim_a_normal(void) { return A_NORMAL; }
attr_t shim_a_bold(void) { return A_BOLD; }
attr_t shim_a_dim(void) { return A_DIM; }
attr_t shim_a_italic(void) { return A_ITALIC; }
attr_t shim_a_underline(void) { return A_UNDERLINE; }
attr_t shim_a_reverse(void) { return A_REVERSE; }

int shim_key_f(int n) { return KEY_F(n); }
mmask_t shim_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
int shim_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
int shim_is_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }
int shim_is_click(mmask_t state) { return (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }

static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t curses_active = 0;

static void on_terminate(int sig) { pending_signal = sig; }

static void on_fatal(int sig) {
    if (curses_active) {
        endwin();
        static const char msg[] = "docbao: internal error; the terminal was restored\n";
        (void)!write(2, msg, sizeof msg - 1);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/// The signals whose default action ends the process (signal(7)) and that do not mean a crash:
/// each is caught so the reader can restore the terminal and end with 128 + its number.
/// SIGTSTP, SIGCONT and SIGWINCH are ncurses' own; SIGKILL and SIGSTOP cannot be caught.
static const int ending_signals[] = {
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF,
    SIGXCPU, SIGXFSZ, SIGSYS,
#ifdef SIGPOLL
    SIGPOLL,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
};
#define ENDING_COUNT (sizeof ending_signals / sizeof ending_signals[0])

/// The signals of a crash: the terminal is restored, then the signal takes its course.
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
#define FATAL_COUNT (sizeof fatal_signals / sizeof fatal_signals[0])

#ifdef SIGRTMIN
#define REALTIME_MAX 64
#else
#define REALTIME_MAX 0
#endif

/// What each signal did before the reader took it over, given back by shim_restore_signal_handlers.
static struct sigaction saved_ending[ENDING_COUNT];
static struct sigaction saved_fatal[FATAL_COUNT];
static struct sigaction saved_realtime[REALTIME_MAX + 1];
static int realtime_count = 0;
static int installed = 0;

void shim_install_signal_handlers(void) {
    if (installed) return;
    installed = 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_terminate;
    sa.sa_flags = 0;  // no SA_RESTART: get_wch returns so the loop sees the flag at once
    for (size_t i = 0; i < ENDING_COUNT; i++) sigaction(ending_signals[i], &sa, &saved_ending[i]);
#ifdef SIGRTMIN
    // Real-time signals also end the process by default.
    realtime_count = 0;
    for (int sig = SIGRTMIN; sig <= SIGRTMAX && realtime_count <= REALTIME_MAX; sig++)
        sigaction(sig, &sa, &saved_realtime[realtime_count++]);
#endif
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &sa, &saved_fatal[i]);
}

void shim_restore_signal_handlers(void) {
    if (!installed) return;
    installed = 0;
    for (size_t i = 0; i < ENDING_COUNT; i++) sigaction(ending_signals[i], &saved_ending[i], NULL);
    for (size_t i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &saved_fatal[i], NULL);
#ifdef SIGRTMIN
    for (int i = 0; i < realtime_count; i++) sigaction(SIGRTMIN + i, &saved_realtime[i], NULL);
#endif
}

int shim_take_signal(void) {
    int sig = pending_signal;
    pending_signal = 0;
    return sig;
}

void shim_set_curses_active(int active) { curses_active = active; }

int shim_ensure_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && strcmp(codeset, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    codeset = nl_langinfo(CODESET);
    return codeset && strcmp(codeset, "UTF-8") == 0;
}
