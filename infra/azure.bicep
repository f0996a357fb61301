// CoC Monitor in Azure: the bot's identity, its App Service, Table Storage reached with that
// identity (no account keys), Application Insights, and the Azure Bot resource with the Teams channel.
//
// Deployed by `atk provision` (m365agents.yml, arm/deploy) or by hand:
//   az deployment group create -g <group> -f infra/azure.bicep -p infra/azure.parameters.json
// The app settings below are the bot's whole configuration: test/infra/bicep-settings.test.ts checks
// that each one is a variable the bot reads (src/config/load-config.ts), and that every variable the
// bot reads is either set here or named there as deliberately left out.

targetScope = 'resourceGroup'

@minLength(4)
@maxLength(16)
@description('Lower-case letters and digits used to name every resource, e.g. "cocmon" + a suffix. Storage account names allow nothing else.')
param resourceBaseName string

@description('Azure region for the App Service, Storage and Application Insights. The Azure Bot resource itself is global.')
param location string = resourceGroup().location

@maxLength(42)
@description('Name of the bot shown in the Azure portal and the Bot Framework.')
param botDisplayName string = 'CoC Monitor'

@allowed(['B1', 'B2', 'S1', 'P0v3', 'P1v3'])
@description('App Service plan size. The bot keeps a daily scheduler in process, so "Always On" is set; B1 is enough for one inspectorate.')
param appServiceSku string = 'B1'

@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier. Teams is a standard channel, free on F0.')
param botServiceSku string = 'F0'

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
@description('Redundancy of the storage account holding every record and the audit trail.')
param storageSku string = 'Standard_ZRS'

@description('Prefix of every table name (1 to 20 letters or digits, starting with a letter).')
param tablePrefix string = 'coc'

@description('Comma-separated Entra object ids of the first administrators: they can give everyone else their roles (README, "Roles and the first administrator").')
param bootstrapAdminObjectIds string

@description('Comma-separated Entra tenant ids whose users may use the bot. Empty: any tenant the bot\'s directory knows.')
param allowedTenantIds string = ''

@description('Comma-separated bank holidays of England and Wales announced after the bot\'s holiday list was released (YYYY-MM-DD); working-day deadlines skip them.')
param extraBankHolidays string = ''

@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
@description('Log level of the bot\'s JSON logs (App Service log stream and Application Insights).')
param logLevel string = 'info'

@description('When the daily reminder sweep runs, 24-hour Europe/London time ("07:30"), or "off".')
param reminderSweepTime string = '07:30'

@description('Days ahead that count as "due soon" in the reminder digest (1 to 90).')
param reminderWindowDays string = '7'

@description('Working days a closure request may wait before its approver is reminded.')
param approvalReminderWorkingDays string = '5'

@description('Working days a closure request may wait before it is flagged to the next level; more than the reminder.')
param approvalEscalationWorkingDays string = '10'

@description('The app\'s id in the organisation\'s app catalogue (Teams admin centre, Manage apps), once it is published there. Set it, with the Graph permission TeamsAppInstallation.ReadWriteSelfForUser.All granted to the bot\'s identity, and the bot installs itself for people who never opened a chat with it so their approval cards reach them (docs/administrator-guide.md). Empty: they are asked to open one.')
param teamsAppCatalogId string = ''

@description('Microsoft Graph\'s address: the global one, or a national cloud\'s.')
param graphBaseUrl string = 'https://graph.microsoft.com'

@secure()
@description('Key that signs the 15-minute quarterly report download links (at least 32 characters). By default a new random key on each deployment, which only ends links still open at that moment.')
param reportLinkSecret string = '${newGuid()}${newGuid()}'

var names = {
  identity: '${resourceBaseName}-identity'
  plan: '${resourceBaseName}-plan'
  webApp: '${resourceBaseName}-app'
  bot: resourceBaseName
  storage: take(toLower(replace('${resourceBaseName}data', '-', '')), 24)
  logs: '${resourceBaseName}-logs'
  insights: '${resourceBaseName}-insights'
}

// Built-in role: read, write and delete table entities. Nothing else.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// One identity for both jobs: the bot's Bot Framework identity (UserAssignedMSI, no secret) and
// its way into Table Storage.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: names.webApp
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/main.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'APP_MODE', value: 'production' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'TABLE_PREFIX', value: tablePrefix }
        { name: 'BOOTSTRAP_ADMIN_OBJECT_IDS', value: bootstrapAdminObjectIds }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'EXTRA_BANK_HOLIDAYS', value: extraBankHolidays }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'DEMO_DATA', value: 'false' }
        { name: 'REMINDER_SWEEP_TIME', value: reminderSweepTime }
        { name: 'REMINDER_WINDOW_DAYS', value: reminderWindowDays }
        { name: 'APPROVAL_REMINDER_WORKING_DAYS', value: approvalReminderWorkingDays }
        { name: 'APPROVAL_ESCALATION_WORKING_DAYS', value: approvalEscalationWorkingDays }
        { name: 'REPORT_LINK_SECRET', value: reportLinkSecret }
        { name: 'REPORT_BASE_URL', value: 'https://${names.webApp}.azurewebsites.net' }
        { name: 'TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
        { name: 'GRAPH_BASE_URL', value: graphBaseUrl }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
      ]
    }
  }
  dependsOn: [
    tableDataContributor
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<environment> by the Agents Toolkit: the app package and `atk deploy` use them.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output STORAGE_TABLE_ENDPOINT string = storage.properties.primaryEndpoints.table
