# azd preprovision hook (Windows): gives the environment its secrets the first time, and keeps them afterwards:
# senders and organisers are configured with them, so each changes only when you rotate it (docs/deploy.md). azd
# passes the environment's values to hooks as environment variables.
#   WEBHOOK_SECRET          Standard Webhooks secret: whsec_ + 32 random bytes in base64
#   SENDERS_FUNCTION_KEY    function key of the webhook senders: 32 random bytes, URL-safe base64 (it goes in ?code=)
#   ORGANISERS_FUNCTION_KEY function key of the organisers, likewise
$ErrorActionPreference = 'Stop'

if ([string]::IsNullOrEmpty($env:WEBHOOK_SECRET)) {
    $secret = 'whsec_' + [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
    azd env set WEBHOOK_SECRET $secret
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Write-Host 'Generated WEBHOOK_SECRET for this environment; read it with: azd env get-value WEBHOOK_SECRET'
}
foreach ($name in 'SENDERS_FUNCTION_KEY', 'ORGANISERS_FUNCTION_KEY') {
    if ([string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable($name))) {
        $key = [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        azd env set $name $key
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        Write-Host "Generated $name for this environment; read it with: azd env get-value $name"
    }
}
