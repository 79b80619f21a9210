// ChatTranscripts in one resource group: a Flex Consumption function app that runs as one user-assigned identity,
// a storage account (shared keys off) whose static website serves the transcripts, a Service Bus queue of posts,
// Application Insights with Entra-only ingestion, and a Key Vault for the webhook secrets. `azd up` deploys it
// (azure.yaml); docs/deploy.md is the operator's guide.
targetScope = 'subscription'

@description('Name of the azd environment: names the resource group and seeds the unique suffix of every resource name.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Region for every resource. It must offer Flex Consumption and Azure Container Instances (where the deployment script that switches the static website on runs).')
@minLength(1)
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person or pipeline deploying, given data access to storage, the queue and the vault for operations. Empty: whoever runs the deployment.')
param principalId string = ''

@secure()
@description('Standard Webhooks secret that signs /api/posts and /api/webhooks/bluesky: whsec_ followed by the base64 of 24 to 64 random bytes. azd generates one (infra/hooks/preprovision).')
@minLength(38)
@maxLength(94)
param webhookSecret string

@secure()
@description('Function key of the webhook senders (URL-safe, at least 32 characters): opens the posts, deletions and platform routes, never the sessions. azd generates one (infra/hooks/preprovision).')
@minLength(32)
param sendersFunctionKey string

@secure()
@description('Function key of the organisers (URL-safe, at least 32 characters): opens the sessions routes, publishing and moderation included. azd generates one (infra/hooks/preprovision).')
@minLength(32)
param organisersFunctionKey string

@secure()
@description('Consumer secret (API secret key) of the X app whose webhooks are registered; empty when X is not used.')
param xConsumerSecret string = ''

@secure()
@description('Secret of the Mastodon admin webhook; empty when Mastodon is not used.')
param mastodonWebhookSecret string = ''

@description('Public base URL of the transcripts when a custom domain or CDN fronts the site (https://transcripts.example.org); empty: the static website endpoint.')
param siteBaseUrl string = ''

@description('Memory of each function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the function app scales out to; it also bounds what a flood of webhooks can cost.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Instances kept warm for the HTTP functions so X\'s CRC check (3 seconds) never waits for a cold start; each costs money while idle (docs/deploy.md). 0: none.')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = 0

@description('Switch the static website on with a deployment script. Turn off only where policy forbids deployment scripts (they need a temporary storage account with shared keys); then run infra/scripts/enable-static-website.sh once.')
param enableStaticWebsite bool = true

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var deployerPrincipalId = empty(principalId) ? deployer().objectId : principalId

// Who may call which function (design decision 10): each role's key is created on its functions only, so a sender's
// key never changes a session. Names are the [Function] names in functions/ChatTranscripts.Functions.
var senderFunctions = [
  'SubmitPosts'
  'SubmitDeletions'
  'DeletePost'
  'XWebhookCrc'
  'XWebhookReceive'
  'ReceiveMastodonWebhook'
  'ReceiveBlueskyWebhook'
]
var organiserFunctions = [
  'PutSession'
  'GetSession'
  'ListSessions'
  'PublishSession'
  'GetModeration'
  'PutModerationRules'
  'HidePost'
  'UnhidePost'
  'BlockAccount'
  'UnblockAccount'
]
var queueName = 'posts'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

// Writes and reads the app package for the platform; nothing the app does runs as it.
module deploymentIdentity 'modules/identity.bicep' = {
  name: 'deployment-identity'
  scope: resourceGroup
  params: {
    name: 'id-deploy-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
    // The site, the claim-check payloads of deliveries too large for the queue, and the Functions host's timers.
    appContainerNames: [
      '$web'
      '${queueName}-payloads'
      'azure-webjobs-hosts'
    ]
    appPrincipalId: identity.outputs.principalId
    deploymentPrincipalId: deploymentIdentity.outputs.principalId
    deployerPrincipalId: deployerPrincipalId
  }
}

module serviceBus 'modules/service-bus.bicep' = {
  name: 'service-bus'
  scope: resourceGroup
  params: {
    name: 'sb-${resourceToken}'
    location: location
    tags: tags
    queueName: queueName
    // A day covers the retry schedules of X, Mastodon and Standard Webhooks senders.
    duplicateDetectionWindow: 'P1D'
    // Twice the app's limit (functionApp's queueMaxDeliveryCount): the app dead-letters first, with the reason.
    maxDeliveryCount: 10
    // The Standard tier's maximum; a batch of Queue__BatchSize (32) deliveries, up to 3,200 posts, settles well within it.
    lockDuration: 'PT5M'
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: deployerPrincipalId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    webhookSecret: webhookSecret
    xConsumerSecret: xConsumerSecret
    mastodonWebhookSecret: mastodonWebhookSecret
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: deployerPrincipalId
  }
}

module functionKeys 'modules/function-keys.bicep' = {
  name: 'function-keys'
  scope: resourceGroup
  params: {
    name: 'kv-keys-${resourceToken}'
    location: location
    tags: tags
    senderFunctions: senderFunctions
    organiserFunctions: organiserFunctions
    sendersKey: sendersFunctionKey
    organisersKey: organisersFunctionKey
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: deployerPrincipalId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    deploymentIdentityId: deploymentIdentity.outputs.id
    storageAccountName: storage.outputs.name
    deploymentContainerName: 'app-package'
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    queueName: serviceBus.outputs.queueName
    queueMaxDeliveryCount: 5
    webhookReference: keyVault.outputs.webhookReference
    xConsumerReference: keyVault.outputs.xConsumerReference
    mastodonReference: keyVault.outputs.mastodonReference
    siteBaseUrl: empty(siteBaseUrl) ? storage.outputs.webEndpoint : siteBaseUrl
    functionKeysVaultUri: functionKeys.outputs.uri
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

module staticWebsite 'modules/static-website.bicep' = if (enableStaticWebsite) {
  name: 'static-website'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    identityName: 'id-setup-${resourceToken}'
    location: location
    tags: tags
  }
}

// azd stores these in the environment (azd env get-values); the runbook in docs/deploy.md reads them from there.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output STATIC_WEBSITE_URL string = storage.outputs.webEndpoint
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output SERVICEBUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output SERVICEBUS_QUEUE_NAME string = serviceBus.outputs.queueName
output KEY_VAULT_NAME string = keyVault.outputs.name
output FUNCTION_KEYS_VAULT_NAME string = functionKeys.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
