/*
 * stable_truncated.c — placeholder: entries of this family group are being written.
 */
#include "catalogue.h"
#include "catalogue_util.h"

const BfDist bf_family_stable_truncated[1];
const int	bf_family_stable_truncated_size = 0;
