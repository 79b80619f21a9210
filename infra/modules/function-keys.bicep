// The function keys, one per role, in a vault of their own. The Functions host keeps its keys where
// AzureWebJobsSecretStorageType says; set to 'keyvault', it reads function keys from secrets named
// function--<function>--<key> and stores the host keys it generates (_master, default) beside them. So the template
// can create each role's key on each of its functions before the app's code exists (keys set through ARM need the
// function deployed first), and the values come from secure parameters, never from the repository.
//
// A vault of its own because the host writes and deletes secrets in it: the app's identity needs Secrets Officer
// here, which it must not hold where the webhook secrets live. docs/deploy.md, "Function keys", names the keys and
// says how to rotate them.

@description('Name of the vault (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the vault.')
param location string

@description('Tags for the vault.')
param tags object

@description('Functions the webhook senders call: posts, deletions and the platform routes.')
param senderFunctions string[]

@description('Functions the organisers call: the sessions routes, publishing and moderation included.')
param organiserFunctions string[]

@secure()
@description('Value of the senders key, given to X, Mastodon, the Bluesky relay and other senders.')
param sendersKey string

@secure()
@description('Value of the organisers key, given to the organisers\' tools.')
param organisersKey string

@description('Principal the app runs as: the Functions host reads the keys and stores the host keys it generates.')
param appPrincipalId string

@description('Principal of the person deploying, to read a key and hand it out; empty for none.')
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
    softDeleteRetentionInDays: 7
    // A deleted key, or the vault, cannot be purged before its retention ends, even by someone holding the vault.
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
  }
}

resource senderKeys 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = [
  for function in senderFunctions: {
    parent: vault
    name: 'function--${function}--senders'
    properties: {
      value: sendersKey
      contentType: 'Function key: webhook senders'
    }
  }
]

resource organiserKeys 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = [
  for function in organiserFunctions: {
    parent: vault
    name: 'function--${function}--organisers'
    properties: {
      value: organisersKey
      contentType: 'Function key: organisers'
    }
  }
]

// Key Vault Secrets Officer: the host lists, reads and writes its keys.
resource appSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets User: read a key to hand it out; keys change through azd provision (docs/deploy.md).
resource deployerSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: deployerPrincipalId
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
