// Typed wrappers for ncursesw macros, globals and variadic functions. Nothing else touches C.
#ifndef RBANK_CNCURSESW_SHIM_H
#define RBANK_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <sys/ioctl.h>

extern int wcwidth(wchar_t c);

/// The standard screen; `stdscr` is a C global that Swift 6 refuses to touch.
static inline WINDOW *rb_stdscr(void) { return stdscr; }
/// Terminal size in rows and columns of a window.
static inline int rb_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int rb_getmaxx(WINDOW *w) { return getmaxx(w); }
/// Attribute macros as functions.
static inline attr_t rb_attr_bold(void) { return A_BOLD; }
static inline attr_t rb_attr_reverse(void) { return A_REVERSE; }
static inline attr_t rb_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t rb_attr_dim(void) { return A_DIM; }
static inline attr_t rb_attr_normal(void) { return A_NORMAL; }
static inline int rb_color_pair(int n) { return COLOR_PAIR(n); }
/// Display width of one wide character (-1 for non-printable).
static inline int rb_wcwidth(wchar_t c) { return wcwidth(c); }

/// Attribute and key macros that Swift does not import.
static inline attr_t rb_attr_italic(void) { return A_ITALIC; }
static inline int rb_key_f(int n) { return KEY_F(n); }
/// C globals Swift 6 refuses to touch: the colour counts, the standard streams.
static inline int rb_colors(void) { return COLORS; }
static inline int rb_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *rb_stdin(void) { return stdin; }
static inline FILE *rb_stdout(void) { return stdout; }
/// `setcchar` with an extended colour pair (pairs above 32767 travel through `opts`).
static inline int rb_setcchar(cchar_t *cell, const wchar_t *text, attr_t attributes, int pair) {
    return setcchar(cell, text, attributes, (short)(pair > 0x7fff ? 0 : pair), &pair);
}
/// `getcchar` reading the extended colour pair; `text` must hold CCHARW_MAX + 1 characters.
static inline int rb_getcchar(const cchar_t *cell, wchar_t *text, attr_t *attributes, int *pair) {
    short shortPair = 0;
    *pair = 0;
    int result = getcchar(cell, text, attributes, &shortPair, pair);
    if (*pair == 0) { *pair = shortPair; }
    return result;
}
/// The most characters one cell holds (a spacing character and its combining marks).
static inline int rb_ccharw_max(void) { return CCHARW_MAX; }
/// The codeset of the current LC_CTYPE locale, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *rb_codeset(void) { return nl_langinfo(CODESET); }
/// The size of the terminal on `fd` (TIOCGWINSZ; `ioctl` is variadic). Returns 0 on success.
static inline int rb_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    int result = ioctl(fd, TIOCGWINSZ, &size);
    if (result == 0) { *rows = size.ws_row; *columns = size.ws_col; }
    return result;
}
/// Leaves curses mode if it is active; used by the exit hook. Returns whether it had to.
static inline int rb_endwin_if_active(void) {
    if (isendwin()) { return 0; }
    return endwin() == OK;
}
#endif
