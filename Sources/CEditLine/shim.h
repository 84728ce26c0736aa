// Typed wrappers for libedit's variadic history(), el_set() and el_get(). Nothing else touches C.
#ifndef RBANK_CEDITLINE_SHIM_H
#define RBANK_CEDITLINE_SHIM_H
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>
#include <langinfo.h>
#include <sys/ioctl.h>

// History.
static inline int rb_history_set_size(History *h, HistEvent *ev, int size) { return history(h, ev, H_SETSIZE, size); }
static inline int rb_history_get_size(History *h, HistEvent *ev) { return history(h, ev, H_GETSIZE); }
static inline int rb_history_set_unique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int rb_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int rb_history_first(History *h, HistEvent *ev) { return history(h, ev, H_FIRST); }
static inline int rb_history_next(History *h, HistEvent *ev) { return history(h, ev, H_NEXT); }
static inline int rb_history_clear(History *h, HistEvent *ev) { return history(h, ev, H_CLEAR); }
static inline int rb_history_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int rb_history_save(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_SAVE, path); }

// Line editor settings.
static inline int rb_el_set_prompt(EditLine *el, char *(*f)(EditLine *)) { return el_set(el, EL_PROMPT, f); }
static inline int rb_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int rb_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
/// Whether libedit installs its own signal handlers while it reads (rbank keeps it off: signals are routed elsewhere).
static inline int rb_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
/// One `stty`-style setting for the editing mode only (`-d`), e.g. "-isig" so Ctrl-C reaches the key map.
static inline int rb_el_set_edit_tty(EditLine *el, const char *setting) { return el_set(el, EL_SETTY, "-d", setting, (const char *)NULL); }

// Key map: a named function and a key bound to it.
typedef unsigned char (*rb_el_function)(EditLine *, int);
static inline int rb_el_add_function(EditLine *el, const char *name, const char *help, rb_el_function f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int rb_el_bind(EditLine *el, const char *key, const char *name) { return el_set(el, EL_BIND, key, name, (const char *)NULL); }

// The character reader, and the pointer callbacks use to find their Swift owner.
typedef int (*rb_el_read_function)(EditLine *, wchar_t *);
static inline int rb_el_set_reader(EditLine *el, rb_el_read_function f) { return el_set(el, EL_GETCFN, f); }
static inline int rb_el_set_client_data(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *rb_el_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

// C's standard streams (globals that Swift 6 refuses to touch), for el_init and for writing in order with `print`.
static inline FILE *rb_stdin(void) { return stdin; }
static inline FILE *rb_stdout(void) { return stdout; }
static inline FILE *rb_stderr(void) { return stderr; }

// Terminal facts.
/// The width of the terminal on `fd` in columns (TIOCGWINSZ; `ioctl` is variadic); 0 when unknown.
static inline int rb_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 0;
}
/// The codeset of the current LC_CTYPE locale, e.g. "UTF-8".
static inline const char *rb_ctype_codeset(void) { return nl_langinfo(CODESET); }

#endif
