#!/usr/bin/env bash
# Startup benchmark, run by hand (not in CI): time to the first rendered frame through the
# `--screenshot` path (4 settled frames, a screenshot written as PNG, the window closed) and peak
# resident memory, of the app against a bare eframe window built from the same crates
# (benches/frame/src/bin/bare_window.rs). Both run interleaved under one virtual display, at
# 1920x1080 by default, release builds, with eframe's state kept in a temporary folder.
#
#   bash benches/startup.sh [RUNS]      # default 15 runs of each
#   STARTUP_SIZE=800x600 bash benches/startup.sh   # another window size (default 1920x1080)
#
# With no GPU (Mesa's lavapipe), rasterizing the settle frames dominates both at 1920x1080.
#
# Needs xvfb-run (apt-get install xvfb xauth), python3, GNU time (/usr/bin/time), and a Vulkan or GL
# driver (mesa-vulkan-drivers for lavapipe on a machine with no GPU).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
export STARTUP_SIZE="${STARTUP_SIZE:-1920x1080}"

if [ -z "${STARTUP_IN_XVFB:-}" ]; then
  cargo build --release --bin serverless-explorer --bin bare_window
  export STARTUP_IN_XVFB=1
  exec xvfb-run -a -s '-screen 0 1920x1080x24' bash "$0" "$runs"
fi

state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
export XDG_DATA_HOME="$state/data" XDG_CONFIG_HOME="$state/config" XDG_CACHE_HOME="$state/cache"

python3 - "$runs" "$state" "$STARTUP_SIZE" "${CARGO_TARGET_DIR:-target}" <<'PY'
import statistics, subprocess, sys, time

runs, state, size, target = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
subjects = {
    "app": [f"{target}/release/serverless-explorer"],
    "bare eframe window": [f"{target}/release/bare_window"],
}
times = {name: [] for name in subjects}
rss = {name: [] for name in subjects}
# Two untimed runs each warm the disk cache and the driver's shader cache.
for i in range(runs + 2):
    for name, command in subjects.items():
        shot = f"{state}/{name.replace(' ', '_')}.png"
        rss_file = f"{state}/rss.txt"
        start = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss_file, *command,
             "--screenshot", shot, "--size", size],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )
        elapsed = time.perf_counter() - start
        if i >= 2:
            times[name].append(elapsed)
            rss[name].append(int(open(rss_file).read().split()[-1]) / 1024)

def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

print(f"startup to first screenshot, {size}, {runs} runs each (Xvfb)")
for name in subjects:
    t, m = times[name], rss[name]
    print(f"  {name:<20} median {statistics.median(t) * 1000:7.0f} ms   p95 {p95(t) * 1000:7.0f} ms"
          f"   peak RSS median {statistics.median(m):6.1f} MB")
app, bare = (statistics.median(times[n]) for n in subjects)
app_m, bare_m = (statistics.median(rss[n]) for n in subjects)
print(f"startup ratio: {app / bare:.2f}")
print(f"memory ratio: {app_m / bare_m:.2f}")
PY
