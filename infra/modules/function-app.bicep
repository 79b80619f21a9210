// The Functions app on a Flex Consumption plan. Every connection is identity-based: the app settings name
// endpoints and the identity's client id, never a key; secrets arrive as Key Vault references.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app (also its host name, <name>.azurewebsites.net).')
param appName string

@description('Region of the plan and the app.')
param location string

@description('Tags for the plan and the app; the app also gets azd-service-name so azd deploy finds it.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: selects it wherever several identities could sign in.')
param identityClientId string

@description('Resource id of the user-assigned identity the platform writes and reads the app package with; the identity the app runs as has no access to the package.')
param deploymentIdentityId string

@description('Name of the storage account for AzureWebJobsStorage, the app package and the site.')
param storageAccountName string

@description('Blob container holding the app package.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Host name of the Service Bus namespace (name.servicebus.windows.net).')
param serviceBusNamespace string

@description('Name of the posts queue.')
param queueName string

@description('''Failed deliveries after which the app dead-letters a message with its reason (Queue__MaxDeliveryCount).
Keep it below the queue's own maxDeliveryCount so the app, which knows why, dead-letters first.''')
@minValue(1)
param queueMaxDeliveryCount int

@description('Key Vault reference for Webhooks__Secret.')
param webhookReference string

@description('Key Vault reference for Webhooks__X__ConsumerSecret; empty leaves the X routes answering 503.')
param xConsumerReference string

@description('Key Vault reference for Webhooks__Mastodon__Secret; empty leaves the Mastodon route answering 503.')
param mastodonReference string

@description('Base URL the published transcripts are read at (Publishing__SiteBaseUrl).')
param siteBaseUrl string

@description('URI of the vault the Functions host keeps its keys in (modules/function-keys.bicep).')
param functionKeysVaultUri string

@description('''Instances kept running for the HTTP functions, so the first request after a quiet spell (X's CRC check, which
must answer within 3 seconds) finds a warm instance; 0 keeps none. Each one is billed while idle (docs/deploy.md).''')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
      '${deploymentIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity; the app has no system-assigned one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: deploymentIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // 'http' is the group every HTTP-triggered function scales in; the timers scale on their own.
        alwaysReady: alwaysReadyHttpInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyHttpInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployment goes through azd with Entra ID; FTP and the SCM site's basic authentication would be a second,
// password-based way in.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

// The settings the app reads (README, "Configuration"), as one literal object so a reviewer (and the tests) see every
// key. Flex Consumption takes the worker runtime and the package location from functionAppConfig above, so
// FUNCTIONS_WORKER_RUNTIME and WEBSITE_RUN_FROM_PACKAGE must not appear. An empty platform secret leaves that
// platform's routes answering 503, exactly as an absent one does.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    // Function keys live in their own vault, where the template created one key per role (modules/function-keys.bicep).
    AzureWebJobsSecretStorageType: 'keyvault'
    AzureWebJobsSecretStorageKeyVaultUri: functionKeysVaultUri
    AzureWebJobsSecretStorageKeyVaultClientId: identityClientId
    // Tells the app it runs in Azure: the webhook secret becomes mandatory and start-up checks these settings.
    Deployment__InAzure: 'true'
    ServiceBus__fullyQualifiedNamespace: serviceBusNamespace
    ServiceBus__credential: 'managedidentity'
    ServiceBus__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    Queue__Name: queueName
    Queue__MaxDeliveryCount: string(queueMaxDeliveryCount)
    ProcessSchedule: '*/10 * * * * *'
    PublishSchedule: '0 * * * * *'
    Publishing__SiteBaseUrl: siteBaseUrl
    Webhooks__Secret: webhookReference
    Webhooks__X__ConsumerSecret: xConsumerReference
    Webhooks__Mastodon__Secret: mastodonReference
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
