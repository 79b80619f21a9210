#!/bin/sh
# azd preprovision hook: gives the environment a Standard Webhooks secret (whsec_ + 32 random bytes in base64) the
# first time, and keeps it afterwards: webhook senders are configured with it, so it changes only when you rotate it
# (docs/deploy.md). azd passes the environment's values to hooks as environment variables.
set -eu

if [ -z "${WEBHOOK_SECRET:-}" ]; then
  secret="whsec_$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  azd env set WEBHOOK_SECRET "$secret"
  echo "Generated WEBHOOK_SECRET for this environment; read it with: azd env get-value WEBHOOK_SECRET"
fi
