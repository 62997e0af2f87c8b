/*
 * studentized.c — placeholder: the studentized_range entry is being written.
 */
#include "catalogue.h"
#include "catalogue_util.h"

const BfDist bf_family_studentized[1];
const int	bf_family_studentized_size = 0;
