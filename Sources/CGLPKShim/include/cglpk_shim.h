/* cglpk_shim.h — C-only helpers for CareMatch's GLPK wrapper.
 *
 * GLPK reports a fatal error (bad argument, internal failure) by printing a message, calling the
 * hook installed with glp_error_hook and then calling abort(). To survive, each cmglp_guarded_X
 * function below sets a jmp_buf, installs an error hook that longjmps back to it, calls GLPK, and on
 * a fatal error frees the (now inconsistent) GLPK environment of the calling thread with
 * glp_free_env(). Only C and GLPK frames ever lie between setjmp and longjmp.
 *
 * All state here is thread-local: GLPK (Debian's build) keeps one environment per thread.
 */
#ifndef CGLPK_SHIM_H
#define CGLPK_SHIM_H
#include <glpk.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Returned by every cmglp_guarded_X function when GLPK hit a fatal error that was caught.
 * 0 means GLPK returned normally; its own return value (if any) is stored through `result`. */
#define CMGLP_OK 0
#define CMGLP_FATAL (-1)

/* ---- terminal output -------------------------------------------------------------------- */

/* Receives one line of GLPK terminal output (without the trailing newline). Called from inside
 * GLPK: it must not call GLPK (a fatal error under it aborts instead of being caught). */
typedef void (*cmglp_line_fn)(void *ctx, const char *line);

/* Per-thread output settings. enabled = 0 keeps GLPK silent (glp_term_out(GLP_OFF)); otherwise each
 * complete line is passed to fn(ctx, line) if fn is not NULL. GLPK never writes to stdout while
 * the shim's terminal hook is installed. */
void cmglp_set_output(int enabled, cmglp_line_fn fn, void *ctx);

/* Text GLPK printed just before the last caught fatal error (empty if none). Thread-local. */
const char *cmglp_last_error(void);

/* ---- environment ------------------------------------------------------------------------ */

/* Incremented whenever the shim frees the calling thread's GLPK environment (after a caught
 * fatal error, or through cmglp_free_env). Objects created under an older generation are gone. */
unsigned long cmglp_env_generation(void);

/* glp_free_env() for the calling thread, and increments the generation. Returns glp_free_env's value. */
int cmglp_free_env(void);

/* ---- guarded calls ---------------------------------------------------------------------- */

int cmglp_guarded_add_rows(glp_prob *P, int nrs, int *result);
int cmglp_guarded_add_cols(glp_prob *P, int ncs, int *result);
int cmglp_guarded_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[],
                              const double ar[]);
int cmglp_guarded_set_mat_col(glp_prob *P, int j, int len, const int ind[], const double val[]);
int cmglp_guarded_simplex(glp_prob *P, const glp_smcp *parm, int *result);
int cmglp_guarded_interior(glp_prob *P, const glp_iptcp *parm, int *result);
int cmglp_guarded_factorize(glp_prob *P, int *result);
int cmglp_guarded_analyze_bound(glp_prob *P, int k, double *value1, int *var1,
                                double *value2, int *var2);
int cmglp_guarded_analyze_coef(glp_prob *P, int k, double *coef1, int *var1, double *value1,
                               double *coef2, int *var2, double *value2);
int cmglp_guarded_write_mps(glp_prob *P, int fmt, const char *fname, int *result);
int cmglp_guarded_write_lp(glp_prob *P, const char *fname, int *result);
int cmglp_guarded_read_mps(glp_prob *P, int fmt, const char *fname, int *result);
int cmglp_guarded_read_lp(glp_prob *P, const char *fname, int *result);
int cmglp_guarded_mincost_okalg(glp_graph *G, int v_rhs, int a_low, int a_cap, int a_cost,
                                double *sol, int a_x, int v_pi, int *result);

/* ---- branch-and-bound progress ----------------------------------------------------------- */

typedef struct cmglp_mip_info cmglp_mip_info;

/* Called on the solving thread; return non-zero to stop the search (glp_ios_terminate).
 * It must not call GLPK. */
typedef int (*cmglp_mip_progress_fn)(void *ctx, const cmglp_mip_info *info);

struct cmglp_mip_info {
    /* Filled by the shim. */
    int has_bound;          /* best_bound is meaningful */
    double best_bound;      /* best (proven) bound over the active subproblems */
    int has_incumbent;
    double incumbent;       /* objective of the best integer solution so far */
    double gap;             /* glp_ios_mip_gap, or -1 when no incumbent */
    int active_nodes;       /* glp_ios_tree_size a_cnt */
    int tree_nodes;         /* n_cnt */
    int total_nodes;        /* t_cnt: nodes created so far */
    int reason;             /* glp_ios_reason of the last callback */
    int callbacks;
    /* Set by the caller. */
    cmglp_mip_progress_fn fn;  /* may be NULL */
    void *ctx;
    double report_interval;    /* seconds between GLP_ISELECT reports (GLP_IBINGO always reports) */
    double last_report;        /* internal */
    /* A known integer feasible solution, offered once through glp_ios_heur_sol at the first
     * GLP_IHEUR (x[1..n], n = columns of the problem; integer columns must hold whole values).
     * NULL: none. heur_status: 0 not offered, 1 accepted, 2 rejected (not better). */
    const double *heur_x;
    int heur_status;
};

/* glp_intopt with the shim's callback (parm->cb_func / cb_info are overwritten). */
int cmglp_guarded_intopt(glp_prob *P, glp_iocp *parm, cmglp_mip_info *info, int *result);

#ifdef __cplusplus
}
#endif
#endif
