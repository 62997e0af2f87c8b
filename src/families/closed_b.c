/*
 * closed_b.c — placeholder: entries of this family group are being written.
 */
#include "catalogue.h"
#include "catalogue_util.h"

const BfDist bf_family_closed_b[1];
const int	bf_family_closed_b_size = 0;
