/* cglpk_shim.c — see include/cglpk_shim.h. */
#include "cglpk_shim.h"

#include <float.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

/* ---- thread-local state ------------------------------------------------------------------- */

#define CMGLP_LINE_MAX 1024
#define CMGLP_TAIL_MAX 2048

static _Thread_local int out_enabled = 0;
static _Thread_local cmglp_line_fn out_fn = NULL;
static _Thread_local void *out_ctx = NULL;

/* Partial line being assembled from GLPK's chunks. */
static _Thread_local char line_buf[CMGLP_LINE_MAX];
static _Thread_local size_t line_len = 0;

/* Last characters GLPK printed (ring-less: shifted when full); copied on a fatal error. */
static _Thread_local char tail_buf[CMGLP_TAIL_MAX];
static _Thread_local size_t tail_len = 0;
static _Thread_local char error_text[CMGLP_TAIL_MAX];

static _Thread_local unsigned long generation = 0;

/* The jmp_buf of the innermost active guard, or NULL. */
static _Thread_local jmp_buf *active_guard = NULL;

/* Non-zero while a Swift callback (progress or output line) runs: no longjmp may cross it. */
static _Thread_local int in_callback = 0;

static void flush_line(void)
{
    line_buf[line_len] = '\0';
    if (out_enabled && out_fn != NULL) {
        /* Swift code runs now: a fatal error raised under it must abort, not longjmp across it. */
        int was_in_callback = in_callback;
        in_callback = 1;
        out_fn(out_ctx, line_buf);
        in_callback = was_in_callback;
    }
    line_len = 0;
}

static void remember(const char *s)
{
    size_t n = strlen(s);
    if (n >= CMGLP_TAIL_MAX) {
        s += n - (CMGLP_TAIL_MAX - 1);
        n = CMGLP_TAIL_MAX - 1;
    }
    if (tail_len + n >= CMGLP_TAIL_MAX) {
        size_t drop = tail_len + n - (CMGLP_TAIL_MAX - 1);
        memmove(tail_buf, tail_buf + drop, tail_len - drop);
        tail_len -= drop;
    }
    memcpy(tail_buf + tail_len, s, n);
    tail_len += n;
    tail_buf[tail_len] = '\0';
}

static int term_hook(void *info, const char *s)
{
    (void)info;
    remember(s);
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == '\n') {
            flush_line();
        } else {
            if (line_len + 1 >= CMGLP_LINE_MAX)
                flush_line();
            line_buf[line_len++] = *p;
        }
    }
    return 1; /* never let GLPK write to stdout itself */
}

void cmglp_set_output(int enabled, cmglp_line_fn fn, void *ctx)
{
    if (line_len > 0)
        flush_line();
    out_enabled = enabled;
    out_fn = fn;
    out_ctx = ctx;
}

/* Installs the shim's terminal hook and the thread's output setting into the current GLPK
 * environment (creating it if needed). Every guarded call does this first. */
static void cmglp_prepare(void)
{
    glp_term_hook(term_hook, NULL);
    glp_term_out(out_enabled ? GLP_ON : GLP_OFF);
}

const char *cmglp_last_error(void)
{
    return error_text;
}

unsigned long cmglp_env_generation(void)
{
    return generation;
}

int cmglp_free_env(void)
{
    int ret = glp_free_env();
    generation++;
    return ret;
}

/* ---- the guard ---------------------------------------------------------------------------- */

static void error_hook(void *info)
{
    (void)info;
    if (active_guard == NULL || in_callback)
        return; /* GLPK aborts: there is no C frame to return to safely */
    longjmp(*active_guard, 1);
}

/* GUARD_BEGIN / GUARD_END bracket one GLPK call. Locals written between them must be volatile. */
#define GUARD_BEGIN                                                   \
    jmp_buf env_jb;                                                   \
    jmp_buf *volatile saved_guard = active_guard;                     \
    cmglp_prepare();                                                  \
    tail_len = 0;                                                     \
    tail_buf[0] = '\0';                                               \
    if (setjmp(env_jb) != 0) {                                        \
        active_guard = saved_guard;                                   \
        if (line_len > 0)                                             \
            flush_line();                                             \
        memcpy(error_text, tail_buf, tail_len + 1);                   \
        glp_free_env();                                               \
        generation++;                                                 \
        return CMGLP_FATAL;                                           \
    }                                                                 \
    active_guard = &env_jb;                                           \
    glp_error_hook(error_hook, NULL);

#define GUARD_END                                                     \
    glp_error_hook(NULL, NULL);                                       \
    active_guard = saved_guard;                                       \
    if (saved_guard != NULL)                                          \
        glp_error_hook(error_hook, NULL);                             \
    if (line_len > 0)                                                 \
        flush_line();                                                 \
    return CMGLP_OK;

int cmglp_guarded_add_rows(glp_prob *P, int nrs, int *result)
{
    GUARD_BEGIN
    *result = glp_add_rows(P, nrs);
    GUARD_END
}

int cmglp_guarded_add_cols(glp_prob *P, int ncs, int *result)
{
    GUARD_BEGIN
    *result = glp_add_cols(P, ncs);
    GUARD_END
}

int cmglp_guarded_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[],
                              const double ar[])
{
    GUARD_BEGIN
    glp_load_matrix(P, ne, ia, ja, ar);
    GUARD_END
}

int cmglp_guarded_set_mat_col(glp_prob *P, int j, int len, const int ind[], const double val[])
{
    GUARD_BEGIN
    glp_set_mat_col(P, j, len, ind, val);
    GUARD_END
}

int cmglp_guarded_simplex(glp_prob *P, const glp_smcp *parm, int *result)
{
    GUARD_BEGIN
    *result = glp_simplex(P, parm);
    GUARD_END
}

int cmglp_guarded_interior(glp_prob *P, const glp_iptcp *parm, int *result)
{
    GUARD_BEGIN
    *result = glp_interior(P, parm);
    GUARD_END
}

int cmglp_guarded_factorize(glp_prob *P, int *result)
{
    GUARD_BEGIN
    *result = glp_factorize(P);
    GUARD_END
}

int cmglp_guarded_analyze_bound(glp_prob *P, int k, double *value1, int *var1,
                                double *value2, int *var2)
{
    GUARD_BEGIN
    glp_analyze_bound(P, k, value1, var1, value2, var2);
    GUARD_END
}

int cmglp_guarded_analyze_coef(glp_prob *P, int k, double *coef1, int *var1, double *value1,
                               double *coef2, int *var2, double *value2)
{
    GUARD_BEGIN
    glp_analyze_coef(P, k, coef1, var1, value1, coef2, var2, value2);
    GUARD_END
}

int cmglp_guarded_write_mps(glp_prob *P, int fmt, const char *fname, int *result)
{
    GUARD_BEGIN
    *result = glp_write_mps(P, fmt, NULL, fname);
    GUARD_END
}

int cmglp_guarded_write_lp(glp_prob *P, const char *fname, int *result)
{
    GUARD_BEGIN
    *result = glp_write_lp(P, NULL, fname);
    GUARD_END
}

int cmglp_guarded_read_mps(glp_prob *P, int fmt, const char *fname, int *result)
{
    GUARD_BEGIN
    *result = glp_read_mps(P, fmt, NULL, fname);
    GUARD_END
}

int cmglp_guarded_read_lp(glp_prob *P, const char *fname, int *result)
{
    GUARD_BEGIN
    *result = glp_read_lp(P, NULL, fname);
    GUARD_END
}

int cmglp_guarded_mincost_okalg(glp_graph *G, int v_rhs, int a_low, int a_cap, int a_cost,
                                double *sol, int a_x, int v_pi, int *result)
{
    GUARD_BEGIN
    *result = glp_mincost_okalg(G, v_rhs, a_low, a_cap, a_cost, sol, a_x, v_pi);
    GUARD_END
}

/* ---- branch-and-bound callback ------------------------------------------------------------ */

static void mip_callback(glp_tree *T, void *vinfo)
{
    cmglp_mip_info *info = vinfo;
    int reason = glp_ios_reason(T);
    int best = glp_ios_best_node(T);
    int a_cnt = 0, n_cnt = 0, t_cnt = 0;
    int report = 0;

    info->reason = reason;
    info->callbacks++;
    glp_ios_tree_size(T, &a_cnt, &n_cnt, &t_cnt);
    info->active_nodes = a_cnt;
    info->tree_nodes = n_cnt;
    info->total_nodes = t_cnt;
    if (best != 0) {
        /* A node whose LP has not been solved yet has bound -DBL_MAX (min) or +DBL_MAX (max). */
        double bound = glp_ios_node_bound(T, best);
        if (bound > -DBL_MAX && bound < DBL_MAX) {
            info->best_bound = bound;
            info->has_bound = 1;
        }
    }
    if (reason == GLP_IBINGO) {
        info->incumbent = glp_mip_obj_val(glp_ios_get_prob(T));
        info->has_incumbent = 1;
        report = 1;
    }
    if (reason == GLP_IHEUR && info->heur_x != NULL && info->heur_status == 0) {
        /* glp_ios_heur_sol does not check feasibility: the caller guarantees it. */
        info->heur_status = glp_ios_heur_sol(T, info->heur_x) == 0 ? 1 : 2;
        if (info->heur_status == 1) {
            info->incumbent = glp_mip_obj_val(glp_ios_get_prob(T));
            info->has_incumbent = 1;
            report = 1;
        }
    }
    info->gap = info->has_incumbent ? glp_ios_mip_gap(T) : -1.0;
    if (reason == GLP_ISELECT) {
        double now = glp_time();
        if (glp_difftime(now, info->last_report) >= info->report_interval)
            report = 1;
    }
    if (report && info->fn != NULL) {
        int stop;
        info->last_report = glp_time();
        int was_in_callback = in_callback;
        in_callback = 1;
        stop = info->fn(info->ctx, info);
        in_callback = was_in_callback;
        if (stop)
            glp_ios_terminate(T);
    }
}

int cmglp_guarded_intopt(glp_prob *P, glp_iocp *parm, cmglp_mip_info *info, int *result)
{
    GUARD_BEGIN
    info->has_bound = 0;
    info->has_incumbent = 0;
    info->gap = -1.0;
    info->callbacks = 0;
    info->last_report = glp_time();
    parm->cb_func = mip_callback;
    parm->cb_info = info;
    *result = glp_intopt(P, parm);
    GUARD_END
}
