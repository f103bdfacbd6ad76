#!/usr/bin/env bash
# Instructions per frame under callgrind, which are stable where wall time varies 2x on a shared
# machine: the app's scaling view (playing) and egui_demo_lib's demo windows, both at 1920x1080,
# through the frame bench's harness. Steady state only: each subject is run for 1 and for 4
# rounds of 62 frames (60 timed, 2 to rewarm), and the difference is divided by the 186 extra
# frames, so start-up (fonts, the first layouts) cancels out. Run by hand: bash benches/frame_callgrind.sh (needs valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$(cargo bench --bench frame --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "frame" and m.get("executable"):
        print(m["executable"])')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
instructions() { # subject filter, rounds
  FRAME_BENCH_ONLY="$1" FRAME_BENCH_ROUNDS="$2" valgrind --tool=callgrind \
    --callgrind-out-file="$out/cg" "$bench" >/dev/null 2>"$out/log"
  grep -o 'Collected : [0-9]*' "$out/log" | grep -o '[0-9]*$'
}
declare -A per_frame
for subject in "Scaling (playing) 1920x1080" "egui demo (DemoWindows) 1920x1080"; do
  one=$(instructions "$subject" 1)
  four=$(instructions "$subject" 4)
  per_frame[$subject]=$(( (four - one) / 186 ))
  printf '  %-36s %6.2f M instructions per frame\n' "$subject" \
    "$(python3 -c "print(${per_frame[$subject]} / 1e6)")"
done
python3 -c "print(f'instruction ratio: {${per_frame["Scaling (playing) 1920x1080"]} / ${per_frame["egui demo (DemoWindows) 1920x1080"]}:.2f}')"
