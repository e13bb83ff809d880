# Shared by bench/run and bench/peer (sourced from the repository's root): build once, start Switchboard on its
# embedded defaults the way `./switchboard run` does (without building a second time), stop it on exit.

# Extra Maven options for the build, e.g. BENCH_MVN_OPTS=-o (offline, with a filled ~/.m2). BENCH_BUILD=0 skips
# the build (a tree built already, e.g. while working on the harness: mvn -B -q -o install -DskipTests -pl bench).
build_switchboard() {
  if [[ ${BENCH_BUILD:-1} == 0 ]]; then return; fi
  echo "Building (mvn -B -q ${BENCH_MVN_OPTS:-} install -DskipTests -pl '!app-it') …"
  # shellcheck disable=SC2086
  mvn -B -q ${BENCH_MVN_OPTS:-} install -DskipTests -pl '!app-it'
}

# 2,000 SSE subscribers hold 2,000 sockets in Payara and as many in the benchmark's JVM: the soft limit on open
# files goes up to the hard one (Payara and MariaDB inherit it through the launcher; a JVM raises its own soft
# limit to the hard one anyway). Fails when even the hard limit is below what the run needs.
raise_open_files() {
  local need=$1
  ulimit -n "$(ulimit -Hn)" 2> /dev/null || true
  local have
  have=$(ulimit -n)
  if [[ $have != unlimited && $have -lt $need ]]; then
    echo "The open-files limit is $have (hard limit $(ulimit -Hn)); this run needs $need. Raise it (ulimit -Hn, limits.conf)." >&2
    exit 1
  fi
  echo "Open-files limit: $have"
}

# Starts the launcher in its own session, as ./switchboard run does after its build (same JVM options and malloc
# arenas), logging to $1; waits until Switchboard is ready. Sets RUN_PID, PAYARA_PID and MARIADB_PID. The caller
# traps EXIT with stop_switchboard (before calling this, so that a failed start is cleaned up too).
start_switchboard() {
  local log=$1
  mkdir -p "$(dirname "$log")"
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" setsid java -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "launcher/target/classes:$(cat launcher/target/classpath.txt)" org.switchboard.launcher.Launcher run \
    > "$log" 2>&1 &
  RUN_PID=$!
  for _ in $(seq 1 150); do
    grep -qs 'Switchboard is ready' "$log" && break
    kill -0 "$RUN_PID" 2> /dev/null || { cat "$log"; exit 1; }
    sleep 2
  done
  grep -q 'Switchboard is ready' "$log" || { echo "Switchboard did not start; see $log"; exit 1; }
  PAYARA_PID=$(cat launcher/target/payara/payara6/glassfish/domains/domain1/config/pid)
  MARIADB_PID=$(pgrep -f "$SWITCHBOARD_HOME/mariadb/base/bin/mariadbd" | head -1 || true)
}

RUN_PID=""
stop_switchboard() {
  ./switchboard stop > /dev/null 2>&1 || true
  if [[ -n $RUN_PID ]]; then wait "$RUN_PID" 2> /dev/null || true; fi
}
