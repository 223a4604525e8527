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

void shim_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_terminate;
    sa.sa_flags = 0;  // no SA_RESTART: get_wch returns so the loop sees the flag at once
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
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
