#!/usr/bin/env bash
# The README's test command: on a fresh Debian machine, installs what the tests need (PostgreSQL,
# Chromium, fonts), starts PostgreSQL, builds, and runs every test project. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== starting PostgreSQL"
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  # After a killed postmaster the first start can trip on a stale lock file: retry.
  as_root pg_ctlcluster $cluster start 2>/dev/null
  pg_lsclusters -h | awk 'NR==1 {print $4}' | grep -q online && break
  sleep 1
done
as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='placements'\"" | grep -q 1 ||
  as_root su postgres -c "psql -qc \"CREATE ROLE placements LOGIN CREATEDB PASSWORD 'placements'\""
# Tests drop their databases WITH (FORCE); an autovacuum worker on one has no role of ours, so terminating it needs this.
as_root su postgres -c "psql -qc \"GRANT pg_signal_backend TO placements\"" >/dev/null 2>&1
export PLACEMENTS_TEST_POSTGRES=${PLACEMENTS_TEST_POSTGRES:-"Host=localhost;Port=5432;Username=placements;Password=placements;Database=postgres"}

echo "== building"
dotnet tool restore >/dev/null
dotnet build Placements.sln -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0
for project in tests/Architecture.Tests tests/Commissioning.Tests tests/Finance.Tests tests/Web.Tests; do
  echo "== $project"
  log=$(mktemp)
  # --no-ansi, and colour codes stripped anyway: CI terminals may still colour the summary lines.
  dotnet run --project "$project" --no-build -- --no-ansi --no-progress 2>&1 |
    sed -u 's/\x1b\[[0-9;]*m//g' | tee "$log" | grep -E "^(failed|  (total|failed|succeeded|skipped):)"
  total=$(grep -E '^\s+total:' "$log" | tail -1 | awk '{print $2}')
  ok=$(grep -E '^\s+succeeded:' "$log" | tail -1 | awk '{print $2}')
  if [ -z "$total" ]; then
    echo "   $project did not run to its summary:"; tail -30 "$log"
    failed=$((failed + 1))
  else
    passed=$((passed + ok)); failed=$((failed + total - ok))
    # Say why each failure failed, so a CI log is enough to start from.
    [ "$ok" -lt "$total" ] && grep -E -A20 '^failed ' "$log" | grep -v -E '^(info|warn|dbug): |^      ' | head -120
  fi
  rm -f "$log"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
