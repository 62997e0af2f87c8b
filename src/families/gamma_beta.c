/*
 * gamma_beta.c — placeholder: entries of this family group are being written.
 */
#include "catalogue.h"
#include "catalogue_util.h"

const BfDist bf_family_gamma_beta[1];
const int	bf_family_gamma_beta_size = 0;
