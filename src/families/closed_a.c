/*
 * closed_a.c — placeholder: entries of this family group are being written.
 */
#include "catalogue.h"
#include "catalogue_util.h"

const BfDist bf_family_closed_a[1];
const int	bf_family_closed_a_size = 0;
