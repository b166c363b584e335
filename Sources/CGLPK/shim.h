#ifndef CAREMATCH_CGLPK_SHIM_H
#define CAREMATCH_CGLPK_SHIM_H
#include <glpk.h>
#endif
