# Sourced by every script: selects JDK 25 (JAVA_HOME first, then the Temurin path) or fails clearly.
drex_find_jdk() {
  local cand
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] || continue
    if "$cand/bin/java" -version 2>&1 | grep -qE 'version "25(\.|")'; then
      export JAVA_HOME="$cand"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: drex needs JDK 25 (Temurin). Set JAVA_HOME to a JDK 25 or install it at /usr/lib/jvm/temurin-25-jdk-amd64." >&2
  echo "       found: JAVA_HOME='${JAVA_HOME:-}' and $(command -v java >/dev/null && java -version 2>&1 | head -1 || echo 'no java on PATH')" >&2
  return 1
}
