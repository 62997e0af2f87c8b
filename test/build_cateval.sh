#!/bin/bash
# Build the stand-alone catalogue evaluator (test/cateval.c) into OUT with
# only the family files named (others compiled as empty stubs), so that one
# family can be checked while others are being edited:
#   test/build_cateval.sh /tmp/cateval_closed_a closed_a
#   /usr/bin/python3 test/reference.py accuracy --harness=/tmp/cateval_closed_a --only=alpha,anglit
# With no family named, every family file is compiled (as `make test/cateval`).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1; shift
all=(closed_a closed_b gamma_beta normal_based noncentral_bessel stable_truncated statistics_new studentized)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
srcs=(src/catalogue.c)
for g in "${all[@]}"; do
    if [ $# -eq 0 ] || [[ " $* " == *" $g "* ]]; then
        srcs+=("src/families/$g.c")
    else
        printf '#include "catalogue.h"\nconst BfDist bf_family_%s[1];\nconst int bf_family_%s_size = 0;\n' "$g" "$g" > "$tmp/$g.c"
        srcs+=("$tmp/$g.c")
    fi
done
gcc -O2 -g -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Isrc \
    $(pkg-config --cflags gsl) -o "$out" test/cateval.c "${srcs[@]}" $(pkg-config --libs gsl) -lm
