#!/usr/bin/env bash
# Measures each service's resident memory (RSS) idle and under load, against a suite started with
# ./copilot up -d (same port variables and COPILOT_HOME). The figures size the Deployments' memory
# (deploy/README.md, "Sizing"). Load: the calculator round-trip bench (2,000 changes over 50 sessions),
# 400 signed webhook transcript segments over 20 calls, and 500 chat turns over 20 sockets (1 in 5 asks
# for an executive summary PDF). RSS is sampled every 5 s; the peak per service is printed.
#   deploy/tools/measure-rss.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="${COPILOT_HOME:-$ROOT/.copilot}"
GATEWAY_PORT="${COPILOT_PORT:-8080}"
OUT="$(mktemp -d)"

rss() { ps -eo rss,args | grep '[q]uarkus-app/quarkus-run.jar' | grep -F "$ROOT/" \
  | sed -E "s#^ *([0-9]+) .*$ROOT/([^/]+)/target/.*#\2 \1#" | awk '{printf "%s %d\n", $1, $2/1024}'; }

curl -fsS -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" || { echo "start the suite first: ./copilot up -d" >&2; exit 1; }
echo "idle RSS (MB):"; rss | sort
( while true; do rss; sleep 5; done > "$OUT/samples" ) & SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true; rm -rf "$OUT"' EXIT

"$ROOT/copilot" bench calculator 2000 50 | tail -3

secret="$(cat "$HOME_DIR/keys/webhook-secret")"
for i in $(seq 1 400); do
  body="{\"sessionId\":\"rss-call-$((i % 20))\",\"phone\":\"+16025550142\",\"state\":\"AZ\",\"plan\":\"PLUS\",\"contractType\":\"HOMEOWNER\",\"segmentId\":\"rss-$i-$RANDOM\",\"text\":\"my water heater is leaking all over the garage floor, is that covered? it would cost about twenty-six hundred dollars\"}"
  ts="$(date +%s)"
  sig="$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | awk '{print $NF}')"
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' -H "X-Copilot-Timestamp: $ts" \
    -H "X-Copilot-Signature: sha256=$sig" --data "$body" "http://127.0.0.1:$GATEWAY_PORT/webhook/transcripts"
done | sort | uniq -c | sed 's/^/webhook: /'

python3 "$ROOT/deploy/tools/ws-chat.py" "$GATEWAY_PORT" "$("$ROOT/copilot" token)" 20 25 | sed 's/^/chat: /'

echo "peak RSS under load (MB):"
sort -k1,1 -k2,2n "$OUT/samples" | awk '{m[$1] = ($2 > m[$1] ? $2 : m[$1])} END {for (k in m) print k, m[k]}' | sort
