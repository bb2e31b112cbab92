#!/usr/bin/env bash
# Per-runtime test counts from the Surefire reports that `mvn -B verify` leaves behind: the
# provider's own run (Jersey 3.1) and the runtime-tests modules, which run the provider's test
# classes again, unchanged, on Jersey 4.0 and RESTEasy 6.2. Also checks that every runtime ran
# the same shared tests, lists what was skipped and why, and ends with one
# "N passed, N failed, N skipped" line. Exits non-zero when a test failed, a report is missing,
# or the runtimes did not run the same shared tests.
set -euo pipefail

cd "$(dirname "$0")/.."

# label | module directory | jar whose version names the runtime on the test class path
RUNTIMES=(
  "Jersey 3.1|provider|jersey-server"
  "Jersey 4.0|runtime-tests/jersey-4.0|jersey-server"
  "RESTEasy 6.2|runtime-tests/resteasy-6.2|resteasy-core"
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

total_passed=0 total_failed=0 total_skipped=0 status=0
printf '%-13s %-12s %-10s %6s %6s %6s %6s\n' "runtime" "version" "REST API" "tests" "passed" "failed" "skipped"
for entry in "${RUNTIMES[@]}"; do
  IFS='|' read -r label module jar <<<"$entry"
  key=${module//\//_}
  reports="$module/target/surefire-reports"
  shopt -s nullglob
  files=("$reports"/TEST-*.xml)
  shopt -u nullglob
  if [ ${#files[@]} -eq 0 ]; then
    printf '%-13s no Surefire reports in %s (run mvn -B verify first)\n' "$label" "$reports"
    status=1
    continue
  fi
  tests=0 failed=0 skipped=0
  for f in "${files[@]}"; do
    suite=$(grep -m1 -o '<testsuite [^>]*>' "$f")
    attr() { sed -n "s/.* $1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$suite"; }
    tests=$((tests + $(attr tests)))
    failed=$((failed + $(attr failures) + $(attr errors)))
    skipped=$((skipped + $(attr skipped)))
    # every test case, as Class#name, for the comparison across runtimes
    grep -o '<testcase name="[^"]*" classname="[^"]*"' "$f" \
      | sed 's/<testcase name="\([^"]*\)" classname="\([^"]*\)"/\2#\1/' >>"$tmp/$key.cases.unsorted"
    # skipped test cases with the reason the test gives
    awk -v label="$label" '
      /<testcase / { match($0, /name="[^"]*"/); name = substr($0, RSTART + 6, RLENGTH - 7);
                     match($0, /classname="[^"]*"/); cls = substr($0, RSTART + 11, RLENGTH - 12) }
      /<skipped/   { msg = "";
                     if (match($0, /message="[^"]*"/)) msg = substr($0, RSTART + 9, RLENGTH - 10);
                     else if (match($0, /Assumption failed: .*/)) msg = substr($0, RSTART + 19);
                     n = split(cls, parts, "."); printf "  %s: %s.%s: %s\n", label, parts[n], name, msg }
    ' "$f" >>"$tmp/skips"
  done
  sort -u "$tmp/$key.cases.unsorted" >"$tmp/$key.cases"
  version=$(grep -h -m1 -o "$jar-[0-9][^/\":]*\\.jar" "${files[0]}" | head -1 | sed "s/^$jar-//; s/\\.jar\$//")
  api=$(grep -h -m1 -o 'jakarta.ws.rs-api-[0-9][^/":]*\.jar' "${files[0]}" | head -1 | sed 's/^jakarta.ws.rs-api-//; s/\.jar$//')
  passed=$((tests - failed - skipped))
  printf '%-13s %-12s %-10s %6d %6d %6d %6d\n' "$label" "${version:-?}" "${api:-?}" "$tests" "$passed" "$failed" "$skipped"
  total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed)) total_skipped=$((total_skipped + skipped))
  [ "$failed" -eq 0 ] || status=1
done

# The shared suite is the provider's test classes; a runtime module may add tests of its own.
if [ -f "$tmp/provider.cases" ]; then
  shared=$(wc -l <"$tmp/provider.cases")
  for entry in "${RUNTIMES[@]:1}"; do
    IFS='|' read -r label module _ <<<"$entry"
    key=${module//\//_}
    [ -f "$tmp/$key.cases" ] || continue
    missing=$(comm -23 "$tmp/provider.cases" "$tmp/$key.cases" | wc -l)
    extra=$(comm -13 "$tmp/provider.cases" "$tmp/$key.cases" | sed 's/#.*//' | sort | uniq -c \
      | awk '{ n = split($2, p, "."); printf "%s%s (%d)", sep, p[n], $1; sep = ", " }')
    if [ "$missing" -ne 0 ]; then
      echo "$label did not run $missing of the $shared shared tests:"
      comm -23 "$tmp/provider.cases" "$tmp/$key.cases" | sed 's/^/  /' | head -20
      status=1
    else
      echo "$label ran all $shared shared tests${extra:+, and its own: $extra}"
    fi
  done
fi
if [ -s "$tmp/skips" ]; then
  echo "skipped, with the reason each test gives (see docs/runtimes.md):"
  cat "$tmp/skips"
fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
exit $status
