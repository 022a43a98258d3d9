#!/usr/bin/env bash
# Full offline verification: rewrite every class of several large jars as if every method were
# snooped and make ASM and the JVM verify each result (see OfflineVerifier and docs/reliability.md).
# CI runs only the commons-text/commons-collections4 subset (OfflineVerifierTest).
#
#   reliability/run-offline.sh [--java /path/to/jdk] [--no-build]
#
# Exit status 0 when no rewritten class fails a check. Rewritten classes that fail are dumped to
# reliability/target/offline-dump for javap.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME_RUN="${JAVA_HOME:-}"
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --java) JAVA_HOME_RUN="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
JAVA="${JAVA_HOME_RUN:+$JAVA_HOME_RUN/bin/}java"
if [ "$BUILD" = 1 ]; then
  mvn -B -q package -pl reliability -am -DskipTests
fi
OUT=reliability/target/offline
mkdir -p "$OUT"
mvn -B -q -f reliability/offline/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
CP="$(cat "$OUT/classpath.txt")"
jars=()
for want in commons-text- commons-collections4- commons-lang3- guava- jackson-core- jackson-databind- kotlin-stdlib-; do
  for entry in ${CP//:/ }; do
    case "$(basename "$entry")" in "$want"[0-9]*.jar) jars+=("$entry") ;; esac
  done
done
# the agent's classes with plain ASM: the rewrite runs in this JVM, no agent attached
exec "$JAVA" -Xmx1g -cp "reliability/target/classes:agent/target/classes:$CP" \
  io.jsnooper.reliability.OfflineVerifier --classpath "$CP" --dump reliability/target/offline-dump "${jars[@]}"
