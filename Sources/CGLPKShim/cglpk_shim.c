#include "cglpk_shim.h"
