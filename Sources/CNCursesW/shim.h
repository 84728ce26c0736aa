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
#endif
