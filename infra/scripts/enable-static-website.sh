#!/bin/sh
# Switches on a storage account's static website (the `$web` container served at its web endpoint).
#
# The template runs this as a deployment script (infra/modules/static-website.bicep), as an identity that may set the
# Blob service properties and nothing else. Where deployment scripts are not allowed, run it once yourself, signed in
# with `az login` as someone holding Storage Account Contributor (or Contributor, or Owner) on the account:
#
#   STORAGE_ACCOUNT=$(azd env get-value STORAGE_ACCOUNT_NAME) sh infra/scripts/enable-static-website.sh
#
# Safe to run again: it sets the same properties each time.
set -eu

: "${STORAGE_ACCOUNT:?Set STORAGE_ACCOUNT to the storage account name.}"
index_document="${INDEX_DOCUMENT:-index.html}"
error_document="${ERROR_DOCUMENT:-404.html}"

# A role assigned moments ago can take a few minutes to reach the storage service: retry for up to ten minutes.
attempt=1
until az storage blob service-properties update \
  --account-name "$STORAGE_ACCOUNT" \
  --auth-mode login \
  --static-website \
  --index-document "$index_document" \
  --404-document "$error_document" \
  --output none; do
  if [ "$attempt" -ge 20 ]; then
    echo "Could not switch on the static website of $STORAGE_ACCOUNT: the identity needs Microsoft.Storage/storageAccounts/blobServices/write on it." >&2
    exit 1
  fi
  echo "Attempt $attempt was refused; waiting 30 seconds for the role assignment to apply." >&2
  attempt=$((attempt + 1))
  sleep 30
done

az storage blob service-properties show --account-name "$STORAGE_ACCOUNT" --auth-mode login --query staticWebsite --output json
