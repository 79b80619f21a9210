// The posts queue (design decision 2): one message per post with MessageId = {platform}:{id}[:{version}], so the
// broker's duplicate detection drops webhook retries. SAS keys are off; sender and receiver sign in with Entra ID.

@description('Name of the Service Bus namespace.')
param name string

@description('Region of the namespace.')
param location string

@description('Tags for the namespace.')
param tags object

@description('Name of the queue the ingest routes send to and ProcessPosts drains (the app\'s Queue__Name).')
param queueName string

@description('How long the broker remembers a MessageId. Senders retry failed webhooks for hours; processing is idempotent, so a retry after the window costs only work.')
param duplicateDetectionWindow string

@description('''Deliveries after which the broker dead-letters a message on its own. Keep it above the app's
Queue__MaxDeliveryCount: the app then dead-letters first, with the reason; this limit only catches a message whose
processing keeps crashing the worker before it can settle.''')
@minValue(2)
param maxDeliveryCount int

@description('How long a received message stays locked to its receiver: at least the longest batch (the Standard tier allows at most 5 minutes).')
param lockDuration string

@description('Principal the app runs as: sends from the ingest routes, receives in ProcessPosts.')
param appPrincipalId string

@description('Principal of the person deploying, to inspect and replay dead-lettered messages; empty for none.')
param deployerPrincipalId string

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  // Standard, not Basic: duplicate detection and transactions (an all-or-nothing send of several batches) need it.
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' = {
  parent: namespace
  name: queueName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    maxDeliveryCount: maxDeliveryCount
    lockDuration: lockDuration
    // A message the app could not reach in two weeks is kept, dead-lettered, not silently dropped.
    defaultMessageTimeToLive: 'P14D'
    deadLetteringOnMessageExpiration: true
    requiresSession: false
    enablePartitioning: false
    enableBatchedOperations: true
    maxSizeInMegabytes: 1024
  }
}

// Azure Service Bus Data Sender.
resource appSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(queue.id, appPrincipalId, '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
  scope: queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Azure Service Bus Data Receiver.
resource appReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(queue.id, appPrincipalId, '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0')
  scope: queue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Receiver to peek at the dead-letter queue, sender to replay what it holds (infra/scripts/dead-letters.cs).
var deployerRoles = [
  '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
]

resource deployerQueueAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in deployerRoles: if (!empty(deployerPrincipalId)) {
    name: guid(queue.id, deployerPrincipalId, role)
    scope: queue
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: deployerPrincipalId
    }
  }
]

output name string = namespace.name
// The host name the SDK connects to (the endpoint without scheme and port).
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
output queueName string = queue.name
