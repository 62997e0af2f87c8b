/*
 * noncentral_bessel.c — placeholder: entries of this family group are being written.
 */
#include "catalogue.h"
#include "catalogue_util.h"

const BfDist bf_family_noncentral_bessel[1];
const int	bf_family_noncentral_bessel_size = 0;
