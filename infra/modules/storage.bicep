// The one storage account: the Functions host's own state (AzureWebJobsStorage: timer schedules and leases), the app
// package, the pipeline's tables, and the `$web` container served as the static website. Shared keys are off:
// every caller (the host, the app, the deployment, the operator) signs in with Entra ID.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Region of the account.')
param location string

@description('Tags for the account.')
param tags object

@description('Blob container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

@description('''Blob containers the app itself uses: the published site, the claim-check payloads of large deliveries, and the
Functions host's own (timer schedules and leases). The app's identity may write these and no others.''')
param appContainerNames string[]

@description('Principal the app runs as: blob contributor on its containers, table contributor on the account.')
param appPrincipalId string

@description('Principal the platform uploads and reads the app package with: blob contributor on the package container only.')
param deploymentPrincipalId string

@description('Principal of the person deploying, for data access from the portal and the CLI; empty for none.')
param deployerPrincipalId string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    // The static website is served from its own endpoint; no container needs anonymous blob access.
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    // A week to undo a mistaken delete of a published page or a container.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for container in appContainerNames: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

// Storage Blob Data Contributor on each of the app's containers, not the account: the app cannot touch its own package.
resource appBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (container, index) in appContainerNames: {
    name: guid(appContainers[index].id, appPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    scope: appContainers[index]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Storage Blob Data Contributor on the package container: azd deploy hands the package to the platform, which writes
// it here and reads it on every start with this identity.
resource deploymentBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deploymentContainer.id, deploymentPrincipalId, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: deploymentContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
    principalId: deploymentPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor: Sessions, Posts and the other pipeline tables, named with a prefix at run time. No
// queue role: in Azure the posts queue is Service Bus, and the host runs HTTP and timer triggers only.
resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Blob, table and queue data contributor for the deployer: with shared keys off, the portal's storage browser and
// `az storage ... --auth-mode login` need these to show the published site and the tables.
var deployerRoles = [
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
]

resource deployerDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in deployerRoles: if (!empty(deployerPrincipalId)) {
    name: guid(storage.id, deployerPrincipalId, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: deployerPrincipalId
    }
  }
]

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
output webEndpoint string = storage.properties.primaryEndpoints.web
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
