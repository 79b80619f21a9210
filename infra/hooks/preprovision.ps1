# azd preprovision hook (Windows): gives the environment a Standard Webhooks secret (whsec_ + 32 random bytes in
# base64) the first time, and keeps it afterwards: webhook senders are configured with it, so it changes only when
# you rotate it (docs/deploy.md). azd passes the environment's values to hooks as environment variables.
$ErrorActionPreference = 'Stop'

if ([string]::IsNullOrEmpty($env:WEBHOOK_SECRET)) {
    $secret = 'whsec_' + [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    azd env set WEBHOOK_SECRET $secret
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Write-Host 'Generated WEBHOOK_SECRET for this environment; read it with: azd env get-value WEBHOOK_SECRET'
}
