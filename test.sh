#!/usr/bin/env bash
# Installs what the tests need when it is missing, restores, builds, checks formatting and runs every test.
# Ends with one line: "N passed, N failed". Exit code 0 only when every test passed and at least one ran.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $* (install it yourself, then re-run)" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

log "Checking prerequisites"
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }
if ! command -v npm >/dev/null; then echo "Installing Node.js and npm (the web build installs the NHS.UK frontend with npm)"; apt_install nodejs npm; fi
if [ ! -x /usr/bin/chromium ]; then echo "Installing Chromium for the end-to-end tests"; apt_install chromium; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${OPENPCN_PG_BIN:-}" ]; then
  echo "Installing the PostgreSQL server binaries for the database tests"; apt_install postgresql
fi

log "Restoring and building"
dotnet restore OpenPcn.slnx
dotnet build OpenPcn.slnx --no-restore -c Release -nologo -clp:ErrorsOnly

log "Checking formatting"
dotnet format OpenPcn.slnx --no-restore --verify-no-changes

log "Running tests"
rm -rf TestResults
export OPENPCN_SCREENSHOTS="$PWD/TestResults/screenshots"   # end-to-end screenshots, kept as artefacts
# One project at a time, each with its own results file (two projects finishing in the same second would otherwise
# write the same default file name), and on 2 cores the projects do not fight over the CPU.
test_exit=0
for project in $(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj); do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build -c Release --logger "trx;LogFileName=$name.trx" --results-directory TestResults \
    -- RunConfiguration.TreatNoTestsAsError=true || test_exit=1
done

passed=0; failed=0
for trx in TestResults/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # a test host crashed or no test ran
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
