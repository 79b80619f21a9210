namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>One user-assigned identity for the app, holding the data roles it needs and nothing more.</summary>
public sealed class IdentityTests(InfrastructureTemplate template)
{
    private PredictedDeployment Deployment => template.Deployment;

    [Fact]
    public void The_app_runs_as_one_user_assigned_identity()
    {
        var app = Deployment.FunctionApp();
        var identity = Deployment.AppIdentityId();

        Assert.Equal("UserAssigned", PredictedDeployment.Text(app, "identity.type"));
        Assert.Contains(Deployment.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"), i => PredictedDeployment.Id(i) == identity);
    }

    [Theory]
    [InlineData("storage", BuiltInRoles.StorageBlobDataOwner)]
    [InlineData("storage", BuiltInRoles.StorageTableDataContributor)]
    [InlineData("storage", BuiltInRoles.StorageQueueDataContributor)]
    [InlineData("queue", BuiltInRoles.ServiceBusDataSender)]
    [InlineData("queue", BuiltInRoles.ServiceBusDataReceiver)]
    [InlineData("insights", BuiltInRoles.MonitoringMetricsPublisher)]
    [InlineData("vault", BuiltInRoles.KeyVaultSecretsUser)]
    public void The_identity_holds_each_data_role_on_its_resource(string resource, string role)
    {
        var scope = ScopeId(resource);

        var assignment = Assert.Single(
            Deployment.RoleAssignments,
            a => a.RoleDefinition == role && a.Scope == scope && Deployment.IsAppIdentityPrincipal(a.PrincipalId));
        // A new identity may not have replicated when the assignment is made; the type tells ARM not to look it up.
        Assert.Equal("ServicePrincipal", assignment.PrincipalType);
    }

    [Fact]
    public void The_identity_holds_no_other_role()
    {
        string[] allowed =
        [
            BuiltInRoles.StorageBlobDataOwner, BuiltInRoles.StorageTableDataContributor, BuiltInRoles.StorageQueueDataContributor,
            BuiltInRoles.ServiceBusDataSender, BuiltInRoles.ServiceBusDataReceiver, BuiltInRoles.MonitoringMetricsPublisher,
            BuiltInRoles.KeyVaultSecretsUser,
        ];

        var held = Deployment.RoleAssignments.Where(a => Deployment.IsAppIdentityPrincipal(a.PrincipalId)).Select(a => a.RoleDefinition).ToList();

        Assert.Equal(allowed.Order(StringComparer.Ordinal), held.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("storage", BuiltInRoles.StorageBlobDataContributor)]
    [InlineData("storage", BuiltInRoles.StorageTableDataContributor)]
    [InlineData("storage", BuiltInRoles.StorageQueueDataContributor)]
    [InlineData("queue", BuiltInRoles.ServiceBusDataSender)]
    [InlineData("queue", BuiltInRoles.ServiceBusDataReceiver)]
    [InlineData("vault", BuiltInRoles.KeyVaultSecretsOfficer)]
    public void The_deploying_principal_gets_data_roles_for_operations(string resource, string role)
    {
        var scope = ScopeId(resource);

        Assert.Single(
            Deployment.RoleAssignments,
            a => a.RoleDefinition == role && a.Scope == scope && a.PrincipalId == InfrastructureTemplate.DeployerPrincipalId);
    }

    private string ScopeId(string resource) => PredictedDeployment.Id(resource switch
    {
        "storage" => Deployment.StorageAccount(),
        "queue" => Deployment.PostsQueue(),
        "insights" => Deployment.ApplicationInsights(),
        "vault" => Deployment.KeyVault(),
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Not a resource with role assignments."),
    });
}
