#!/usr/bin/env bash
# Runs third-party libraries' OWN test suites twice in child JVMs, without the agent and with it
# rewriting every method of the library (include=<library package>..*, output=/dev/null), and
# compares every test's outcome (SuiteDiff). See docs/reliability.md for the last results.
#
#   reliability/run-suites.sh [--java /path/to/jdk] [--no-build] [--with-slow|--only-slow|--test T...] [suite...]
#
# Suites are reliability/suites/<artifact>.conf (default: all); the version comes from the root
# pom's <artifact>.version property. Tests that fail or flake WITHOUT the agent are listed, with
# the reason, in reliability/suites/<artifact>.excluded and not run. Everything lands in
# reliability/target/suites/<artifact>/{baseline,agent}/ (console output, XML reports).
# Test classes that end the same way but take hours under a whole-library trace are listed, with
# the reason, in reliability/suites/<artifact>.slow and left out of BOTH passes unless --with-slow;
# --only-slow runs just those classes (the rest of a full run, in its own sitting), one launcher run
# per class, so that each class that finishes in SUITE_TIMEOUT seconds (default 5400) is compared;
# of a class cut off by the timeout, the tests that finished are compared and the rest named.
# Exit status 0 when every suite ends the same way test by test.
# EXTRA_EXCLUDE_CLASSNAME=regex leaves more test classes out of BOTH passes: only for measuring the
# rest of a suite once an agent bug in some test is known; say so wherever such a result is quoted.
# EXTRA_EXCLUDE_METHODNAME=regex does the same for test methods (matched against Class#method, no ()).
# EXTRA_INCLUDE_METHODNAME=regex runs only the test methods it matches, in both passes: to finish,
# in a sitting of its own, the part of a slow class that a timed-out run never reached.
# --test 'Outer$Nested#method' (repeatable) runs just that test, slow class or not, in a launcher of
# its own per pass (selected by its unique id): a test that takes hours under the agent costs only
# its own result when it is cut off. A test the launcher does not find fails the run.
# (Class names of @Nested classes are binary names, Outer$Inner.)
# SUITES_OUT=dir puts the results in dir/<artifact>/ instead of reliability/target/suites/<artifact>/,
# so that two runs (e.g. Java 17 and 25) can go on side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
JDK="${JAVA_HOME:-}"
BUILD=1
WITH_SLOW=0
SUITES=()
TESTS_ONLY=()
while [ $# -gt 0 ]; do
  case "$1" in
    --java) JDK="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --with-slow) WITH_SLOW=1; shift ;;
    --only-slow) WITH_SLOW=only; shift ;;
    --test) TESTS_ONLY+=("$2"); shift 2 ;;
    *) SUITES+=("$1"); shift ;;
  esac
done
# named tests are all that runs, whatever else was asked
[ ${#TESTS_ONLY[@]} -eq 0 ] || WITH_SLOW=tests
[ ${#SUITES[@]} -gt 0 ] || SUITES=($(cd reliability/suites && ls *.conf | sed 's/\.conf$//'))
JAVA="${JDK:+$JDK/bin/}java"
TIMEOUT="${SUITE_TIMEOUT:-5400}"
AGENT="$ROOT/agent/target/jsnooper-agent.jar"
# Outer$Inner#method -> the Jupiter unique id [engine:junit-jupiter]/[class:Outer]/[nested-class:Inner]/[method:method()]
unique_id() {
  local class="${1%%#*}" method="${1#*#}" nested
  local id="[engine:junit-jupiter]/[class:${class%%\$*}]"
  [[ "$class" != *'$'* ]] || for nested in $(printf '%s' "${class#*\$}" | tr '$' ' '); do
    id+="/[nested-class:$nested]"
  done
  [[ "$method" == *'('* ]] || method+='()'
  printf '%s' "$id/[method:$method]"
}
if [ "$BUILD" = 1 ]; then
  mvn -B -q package -pl reliability -am -DskipTests
fi
"$JAVA" -version 2>&1 | head -1

status=0
for suite in "${SUITES[@]}"; do
  GROUP= PACKAGE= INCLUDE_CLASSNAME= EXCLUDE_CLASSNAME= JVM_ARGS= LAUNCHER_ARGS=
  source "reliability/suites/$suite.conf"
  VERSION=$(sed -n "s:.*<$suite.version>\(.*\)</$suite.version>.*:\1:p" pom.xml)
  WORK="${SUITES_OUT:-$ROOT/reliability/target/suites}/$suite"
  rm -rf "$WORK" && mkdir -p "$WORK/lib"
  echo "== $GROUP:$suite:$VERSION"
  fetch() { mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory="$WORK/lib" >/dev/null; }
  fetch "$GROUP:$suite:$VERSION:pom"
  fetch "$GROUP:$suite:$VERSION:jar"
  fetch "$GROUP:$suite:$VERSION:jar:tests"
  MAIN="$WORK/lib/$suite-$VERSION.jar"
  TESTS="$WORK/lib/$suite-$VERSION-tests.jar"
  # The library's own test class path, from its own pom; Maven runs on the target JDK so that the
  # pom's JDK-activated profiles (e.g. mockito-inline on newer Javas) match the run.
  (cd "$WORK" && JAVA_HOME="${JDK:-${JAVA_HOME:-}}" mvn -B -q -f "lib/$suite-$VERSION.pom" \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/test-classpath.txt" >/dev/null)
  CP="$(cat "$WORK/test-classpath.txt")"
  # the console launcher of exactly the JUnit Platform version the suite brings, so nothing clashes
  PLATFORM=$(tr ':' '\n' < "$WORK/test-classpath.txt" | sed -n 's:.*/junit-platform-engine-\(.*\)\.jar$:\1:p' | head -1)
  fetch "org.junit.platform:junit-platform-console-standalone:$PLATFORM:jar"
  CP="$WORK/lib/junit-platform-console-standalone-$PLATFORM.jar:$TESTS:$MAIN:$CP"

  ARGS=(execute --disable-banner --disable-ansi-colors --details=summary $LAUNCHER_ARGS)
  # A launcher run per part: the whole suite, or (--only-slow) each slow class by itself, so that
  # a class that runs out of time costs only its own result.
  PARTS=(all)
  if [ "$WITH_SLOW" = only ]; then
    [ -f "reliability/suites/$suite.slow" ] || { echo "  no $suite.slow: nothing to run"; continue; }
    PARTS=()
    while read -r class reason; do
      case "$class" in ''|'#'*) continue ;; esac
      PARTS+=("$class")
      echo "  only the slow class: $class"
    done < "reliability/suites/$suite.slow"
  elif [ "$WITH_SLOW" = tests ]; then
    PARTS=("${TESTS_ONLY[@]}")
    printf '  only the test: %s\n' "${PARTS[@]}"
  fi
  [ -z "$EXCLUDE_CLASSNAME" ] || ARGS+=(--exclude-classname "$EXCLUDE_CLASSNAME")
  # The launcher's class name filters do not reach @Nested classes (they are found through their
  # enclosing class), so a class left out by name is also left out by its methods' names.
  exclude_class() { ARGS+=(--exclude-classname "$1" --exclude-methodname "(?:$1)#.*"); }
  [ -z "${EXTRA_EXCLUDE_CLASSNAME:-}" ] || exclude_class "$EXTRA_EXCLUDE_CLASSNAME"
  [ -z "${EXTRA_EXCLUDE_METHODNAME:-}" ] || ARGS+=(--exclude-methodname "$EXTRA_EXCLUDE_METHODNAME")
  [ -z "${EXTRA_INCLUDE_METHODNAME:-}" ] || ARGS+=(--include-methodname "$EXTRA_INCLUDE_METHODNAME")
  if [ "$WITH_SLOW" = 0 ] && [ -f "reliability/suites/$suite.slow" ]; then
    while read -r class reason; do
      case "$class" in ''|'#'*) continue ;; esac
      exclude_class "$(printf '%s' "$class" | sed 's/[.$]/\\&/g')"
      echo "  left out (slow under the agent, see $suite.slow): $class"
    done < "reliability/suites/$suite.slow"
  fi
  if [ -f "reliability/suites/$suite.excluded" ]; then
    while read -r test reason; do
      case "$test" in ''|'#'*) continue ;; esac
      ARGS+=(--exclude-methodname "^$(printf '%s' "$test" | sed 's/[.$]/\\&/g')(\(.*\))?\$")
    done < "reliability/suites/$suite.excluded"
  fi

  unfinished=
  for run in baseline agent; do
    DIR="$WORK/$run"
    # tests read their fixtures from src/test/resources relative to the working directory
    mkdir -p "$DIR/src/test/resources" "$DIR/reports" "$DIR/parts"
    (cd "$DIR/src/test/resources" && unzip -q -o "$TESTS" -x '*.class' 'META-INF/*')
    : > "$DIR/console.txt"
    AGENT_ARG=()
    [ "$run" = baseline ] || AGENT_ARG=("-javaagent:$AGENT=include=$PACKAGE..*,output=/dev/null")
    for part in "${PARTS[@]}"; do
      if [ "$part" = all ]; then
        SELECT=(--scan-classpath "$TESTS" --include-classname "$INCLUDE_CLASSNAME") label="$run"
      elif [ "$WITH_SLOW" = tests ]; then
        SELECT=(--select-unique-id "$(unique_id "$part")") label="$run $part"
      else
        SELECT=(--select-class "$part") label="$run $part"
      fi
      start=$(date +%s)
      set +e
      # Besides the XML report written at the end, each test's end streams into an Open Test
      # Reporting event file as it happens: a part cut off by the timeout still shows how every test
      # that finished ended (SuiteDiff --events).
      (cd "$DIR" && timeout "$TIMEOUT" "$JAVA" "${AGENT_ARG[@]}" $JVM_ARGS -cp "$CP" \
          org.junit.platform.console.ConsoleLauncher "${ARGS[@]}" "${SELECT[@]}" --reports-dir "$DIR/parts/$part" \
          --config junit.platform.reporting.open.xml.enabled=true \
          --config junit.platform.reporting.output.dir="$DIR/parts/$part" \
          > "$DIR/parts/$part.txt" 2>&1)
      rc=$?
      set -e
      cat "$DIR/parts/$part.txt" >> "$DIR/console.txt"
      echo "  $label: exit $rc after $(( $(date +%s) - start )) s$([ $rc = 124 ] && echo ' (TIMED OUT)')"
      # the launcher writes its report only at the end: a run that timed out or was killed has none
      if ls "$DIR/parts/$part"/TEST-*.xml > /dev/null 2>&1; then
        for report in "$DIR/parts/$part"/TEST-*.xml; do
          cp "$report" "$DIR/reports/$(basename "$report" .xml)-$part.xml"
        done
      else
        unfinished="$unfinished $part"
      fi
      grep -E '^\[ +[0-9]+ tests (successful|failed|skipped|aborted) +\]' "$DIR/parts/$part.txt" | tr -s ' ' | sed 's/^/    /' || true
      if [ "$WITH_SLOW" = tests ] && grep -qE '^\[ +0 tests found +\]' "$DIR/parts/$part.txt"; then
        echo "  NOT FOUND: $part (no test has that unique id: $(unique_id "$part"))"
        status=1
      fi
    done
  done
  diag=$(grep -c '^jsnooper:' "$WORK/agent/console.txt" || true)
  bad_base=$(grep -cE 'VerifyError|ClassFormatError|LinkageError' "$WORK/baseline/console.txt" || true)
  bad_agent=$(grep -cE 'VerifyError|ClassFormatError|LinkageError' "$WORK/agent/console.txt" || true)
  echo "  agent diagnostics: $diag lines; VerifyError/ClassFormatError/LinkageError mentions:" \
       "$bad_base without the agent, $bad_agent with it"
  if [ -n "$unfinished" ]; then
    # a part whose runs did not both finish is compared from its event files: the tests that finished
    for part in $(printf "%s\n" $unfinished | sort -u); do
      echo "  UNFINISHED: $part (a run did not finish in $TIMEOUT s): the tests that did, from its event files"
      rm -f "$WORK"/{baseline,agent}/reports/*-"$part".xml
      "$JAVA" -cp reliability/target/classes io.jsnooper.reliability.SuiteDiff --events \
          "$WORK/baseline/parts/$part/open-test-report.xml" "$WORK/agent/parts/$part/open-test-report.xml" \
          | sed 's/^/    /' || true
    done
    status=1
    [ -n "$(ls "$WORK/agent/reports")" ] || continue
  fi
  "$JAVA" -cp reliability/target/classes io.jsnooper.reliability.SuiteDiff "$WORK/baseline/reports" "$WORK/agent/reports" \
      | sed 's/^/  /' || status=1
done
exit $status
