#!/usr/bin/env bash
# Builds a large briefing archive for the benchmarks from the fnc1 corpus.
#
#   scripts/build-archive.sh [OUT_DIR]
#
# SITREP_BENCH_N briefings (default 100000) are written under OUT_DIR (default: a new
# temporary folder, printed on stdout), in one folder per month (2014-01/ … 2016-12/). Each
# is a copy of an fnc1 article with small variations so no two files are alike: every
# fourth one gets TOML front matter with a date and tags, and every one ends with an
# archive line naming its copy number and desk. About 230 MB for 100,000 briefings.
# The corpus is read from $SITREP_CORPUS/fnc1 (default ../shared/corpus beside the repo).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${SITREP_CORPUS:-$here/../shared/corpus}"
case "$corpus" in /*) ;; *) corpus="$here/$corpus" ;; esac
src="$corpus/fnc1"
[ -d "$src" ] || { echo "build-archive: no corpus at $src (set SITREP_CORPUS)" >&2; exit 1; }
n="${SITREP_BENCH_N:-100000}"
out="${1:-$(mktemp -d -t sitrep-archive.XXXXXX)}"
mkdir -p "$out"
find "$src" -maxdepth 1 -name '*.txt' | sort -V | awk -v n="$n" -v out="$out" '
  { files[count++] = $0 }
  END {
    for (k = 0; k < count; k++) {
      text = ""
      while ((getline line < files[k]) > 0) text = text line "\n"
      close(files[k])
      body[k] = text
    }
    split("syria ukraine iraq nigeria ebola yemen libya gaza", tags, " ")
    split("Beirut Kyiv Baghdad Abuja Geneva Ankara Cairo Amman", desks, " ")
    for (y = 2014; y <= 2016; y++) for (m = 1; m <= 12; m++)
      system("mkdir -p \"" out "/" sprintf("%04d-%02d", y, m) "\"")
    for (i = 0; i < n; i++) {
      k = i % count
      year = 2014 + int(i / 12) % 3
      month = 1 + i % 12
      day = 1 + int(i / 36) % 28
      dir = sprintf("%s/%04d-%02d", out, year, month)
      file = sprintf("%s/briefing-%06d.txt", dir, i)
      front = ""
      if (i % 4 == 0)
        front = sprintf("+++\ndate = \"%04d-%02d-%02d\"\ntags = [\"%s\", \"%s\"]\n+++\n", \
          year, month, day, tags[1 + k % 8], tags[1 + (int(i / 4) + 1 + k) % 8])
      printf "%s%s\nArchive copy %d of source %d, %s desk.\n", front, body[k], i, k, \
        desks[1 + i % 8] > file
      close(file)
    }
  }'
echo "$out"
