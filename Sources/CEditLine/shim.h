// Typed wrappers for libedit's variadic history() and el_set(). Nothing else touches C.
#ifndef RBANK_CEDITLINE_SHIM_H
#define RBANK_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>

static inline int rb_history_set_size(History *h, HistEvent *ev, int size) { return history(h, ev, H_SETSIZE, size); }
static inline int rb_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int rb_history_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int rb_history_save(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_SAVE, path); }
static inline int rb_el_set_prompt(EditLine *el, char *(*f)(EditLine *)) { return el_set(el, EL_PROMPT, f); }
static inline int rb_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int rb_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
#endif
