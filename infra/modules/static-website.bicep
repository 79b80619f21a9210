// Switches on the storage account's static website, which serves the `$web` container the app publishes to.
//
// Static website is a Blob service property of the data plane (Set Blob Service Properties); ARM's blobServices
// resource has no property for it, so a template cannot set it directly. A deployment script does it instead, so
// that every way of deploying the template (azd up, az deployment, the portal, a pipeline) leaves the site switched
// on, and the template itself shows it. The script runs as its own identity holding Storage Account Contributor on
// this one account (the data-plane call authorises against Microsoft.Storage/storageAccounts/blobServices/write,
// which no blob data role grants); the app's identity never gets a management role. Why not an azd postprovision
// hook or a start-up call from the app: docs/deploy.md, "Why a deployment script switches the site on".

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

// Storage Account Contributor, on this account only.
resource accountContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, scriptIdentity.id, '17d1049b-9a84-46fb-8f53-869881c3d3ab')
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '17d1049b-9a84-46fb-8f53-869881c3d3ab')
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
    accountContributor
  ]
}
