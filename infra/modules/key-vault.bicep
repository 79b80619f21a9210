// The webhook secrets live here and nowhere else in Azure: the app settings hold Key Vault references, which the
// platform resolves with the app's identity. Each reference names a secret version, so changing a secret changes the
// app setting and restarts the app on the new value at once (see docs/deploy.md, "Rotate a secret").

@description('Name of the vault (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the vault.')
param location string

@description('Tags for the vault.')
param tags object

@secure()
@description('Standard Webhooks secret (whsec_...) for /api/posts and /api/webhooks/bluesky.')
@minLength(38)
@maxLength(94)
param webhookSecret string

@secure()
@description('X app consumer secret; empty when X is not used.')
param xConsumerSecret string

@secure()
@description('Mastodon admin webhook secret; empty when Mastodon is not used.')
param mastodonWebhookSecret string

@description('Principal the app runs as: reads the secrets to resolve its Key Vault references.')
param appPrincipalId string

@description('Principal of the person deploying, to read and set secrets by hand; empty for none.')
param deployerPrincipalId string

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // The shortest retention: a vault deleted with the environment (azd down) frees its name a week later.
    softDeleteRetentionInDays: 7
    // A deleted secret, or the vault, cannot be purged before its retention ends, even by someone holding the vault:
    // the webhook secrets can always be recovered for that week.
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
  }
}

resource webhook 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'webhook-secret'
  properties: {
    value: webhookSecret
    contentType: 'Standard Webhooks secret (whsec_ followed by base64)'
  }
}

var storeXConsumerSecret = !empty(xConsumerSecret)
var storeMastodonWebhookSecret = !empty(mastodonWebhookSecret)

resource xConsumer 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (storeXConsumerSecret) {
  parent: vault
  name: 'x-consumer-secret'
  properties: {
    value: xConsumerSecret
    contentType: 'X app consumer secret (API secret key)'
  }
}

resource mastodon 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (storeMastodonWebhookSecret) {
  parent: vault
  name: 'mastodon-webhook-secret'
  properties: {
    value: mastodonWebhookSecret
    contentType: 'Mastodon admin webhook secret'
  }
}

// Key Vault Secrets User: read secret values, nothing else.
resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets Officer: read a secret to hand it to a webhook sender.
resource deployerSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
    principalId: deployerPrincipalId
  }
}

output name string = vault.name

// App setting values: Key Vault references (addresses of secrets, not their values). Empty for a secret not set.
output webhookReference string = '@Microsoft.KeyVault(SecretUri=${webhook.properties.secretUriWithVersion})'
output xConsumerReference string = storeXConsumerSecret ? '@Microsoft.KeyVault(SecretUri=${xConsumer!.properties.secretUriWithVersion})' : ''
output mastodonReference string = storeMastodonWebhookSecret ? '@Microsoft.KeyVault(SecretUri=${mastodon!.properties.secretUriWithVersion})' : ''
