// Switches on the storage account's static website, which serves the `$web` container the app publishes to.
//
// Static website is a Blob service property of the data plane (Set Blob Service Properties); ARM's blobServices
// resource has no property for it, so a template cannot set it directly. A deployment script does it instead, so
// that every way of deploying the template (azd up, az deployment, the portal, a pipeline) leaves the site switched
// on, and the template itself shows it. The data-plane call authorises against
// Microsoft.Storage/storageAccounts/blobServices/write, which no blob data role grants and Storage Account Contributor
// grants along with listing the keys and switching shared keys back on. So the script runs as its own identity
// holding a custom role with the Blob service's read and write and nothing else, on this one account; the app's
// identity never gets a management role. Why not an azd postprovision hook or a start-up call from the app:
// docs/deploy.md, "Why a deployment script switches the site on".

@description('Name of the storage account whose static website to switch on.')
param storageAccountName string

@description('Name of the identity the script runs as.')
param identityName string

@description('Region of the identity and of the script\'s container.')
param location string

@description('Tags for the identity and the script.')
param tags object

@description('Page served for the site root and every folder.')
param indexDocument string = 'index.html'

@description('Page served, with status 404, for a path that does not exist; storage answers its own 404 page while it is absent.')
param errorDocument404Path string = '404.html'

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource scriptIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

// Blob service properties (static website, CORS, retention) of accounts in this resource group: no keys, no data,
// no other account setting. Assigned below on the one account only.
resource blobServiceSwitch 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'blob-service-properties-writer')
  properties: {
    roleName: 'Blob service properties writer (${resourceGroup().name})'
    description: 'Reads and sets the Blob service properties of a storage account, such as its static website. Nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Storage/storageAccounts/blobServices/read'
          'Microsoft.Storage/storageAccounts/blobServices/write'
        ]
        notActions: []
        dataActions: []
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource blobServiceWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, scriptIdentity.id, blobServiceSwitch.id)
  scope: storage
  properties: {
    roleDefinitionId: blobServiceSwitch.id
    principalId: scriptIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource enableStaticWebsite 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'enable-static-website'
  location: location
  tags: tags
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${scriptIdentity.id}': {}
    }
  }
  properties: {
    azCliVersion: '2.67.0'
    // The same script an operator runs by hand where deployment scripts are not allowed (docs/deploy.md).
    scriptContent: loadTextContent('../scripts/enable-static-website.sh')
    environmentVariables: [
      {
        name: 'STORAGE_ACCOUNT'
        value: storage.name
      }
      {
        name: 'INDEX_DOCUMENT'
        value: indexDocument
      }
      {
        name: 'ERROR_DOCUMENT'
        value: errorDocument404Path
      }
    ]
    timeout: 'PT30M'
    // The script's container and its temporary storage account are removed once it succeeds; after a failure
    // they stay an hour for its logs (az deployment-scripts show-log).
    cleanupPreference: 'OnSuccess'
    retentionInterval: 'PT1H'
  }
  dependsOn: [
    blobServiceWriter
  ]
}
