#!/bin/sh
# azd preprovision hook: gives the environment its secrets the first time, and keeps them afterwards: senders and
# organisers are configured with them, so each changes only when you rotate it (docs/deploy.md). azd passes the
# environment's values to hooks as environment variables.
#   WEBHOOK_SECRET          Standard Webhooks secret: whsec_ + 32 random bytes in base64
#   SENDERS_FUNCTION_KEY    function key of the webhook senders: 32 random bytes, URL-safe base64 (it goes in ?code=)
#   ORGANISERS_FUNCTION_KEY function key of the organisers, likewise
set -eu

url_safe_key() {
  head -c 32 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'
}

if [ -z "${WEBHOOK_SECRET:-}" ]; then
  secret="whsec_$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  azd env set WEBHOOK_SECRET "$secret"
  echo "Generated WEBHOOK_SECRET for this environment; read it with: azd env get-value WEBHOOK_SECRET"
fi
for name in SENDERS_FUNCTION_KEY ORGANISERS_FUNCTION_KEY; do
  if [ -z "$(printenv "$name" || true)" ]; then
    azd env set "$name" "$(url_safe_key)"
    echo "Generated $name for this environment; read it with: azd env get-value $name"
  fi
done
