/*
 * normal_based.c — placeholder: entries of this family group are being written.
 */
#include "catalogue.h"
#include "catalogue_util.h"

const BfDist bf_family_normal_based[1];
const int	bf_family_normal_based_size = 0;
