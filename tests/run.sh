#!/usr/bin/env bash
# Runs every test project and ends with one line "N passed, N failed, N skipped" with the real totals.
# Exits non-zero when a test failed, the build failed, or no test ran.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK is not installed: install .NET 10 (see global.json) and run again." >&2
  echo "0 passed, 0 failed"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# The designer's browser tests drive Debian's Chromium (never a downloaded browser); the designer is built with npm.
if ! command -v chromium >/dev/null 2>&1; then
  echo "== install chromium"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
    echo "Could not install chromium (apt-get install chromium); the designer's browser tests need it." >&2
    echo "0 passed, 0 failed"
    exit 1
  fi
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js 20+ with npm is not installed: the designer (src/JourneyPlugin.Designer) is built with it." >&2
  echo "0 passed, 0 failed"
  exit 1
fi
echo "== npm ci (designer)"
if ! (cd src/JourneyPlugin.Designer && npm ci --no-audit --no-fund --loglevel=error); then
  echo "npm ci failed for the designer; no test ran."
  echo "0 passed, 0 failed"
  exit 1
fi

echo "== build"
if ! dotnet build JourneyPlugin.sln -c Release -nologo -v quiet; then
  echo "The build failed; no test ran."
  echo "0 passed, 0 failed"
  exit 1
fi

echo "== test"
# One test project at a time (-m:1): on 2 cores the browser tests and the crash tests, run side by side,
# slowed each other past their time-outs.
dotnet test JourneyPlugin.sln -c Release --no-build -nologo -m:1 \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 5m
status=$?

# Totals from the TRX files, one per test project.
passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$files" -lt "$projects" ]; then
  echo "Only $files of $projects test projects reported results (a test host crashed or hung)."
  status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
