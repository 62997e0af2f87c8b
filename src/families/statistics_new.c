/*
 * statistics_new.c — placeholder: entries of this family group are being written.
 */
#include "catalogue.h"
#include "catalogue_util.h"

const BfDist bf_family_statistics_new[1];
const int	bf_family_statistics_new_size = 0;
