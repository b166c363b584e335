// Raw bindings to Debian's libxlsxwriter-dev (libxlsxwriter 1.1): the whole public API.
#include <xlsxwriter.h>
