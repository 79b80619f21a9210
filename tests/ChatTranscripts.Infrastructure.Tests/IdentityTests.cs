namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>
/// The identity the app runs as holds the data roles it needs, each on the narrowest resource, and nothing more; the
/// app package is written and read by a second identity that holds nothing else.
/// </summary>
public sealed class IdentityTests(InfrastructureTemplate template)
{
    private PredictedDeployment Deployment => template.Deployment;

    [Fact]
    public void The_app_runs_as_one_user_assigned_identity_and_carries_the_deployment_identity_beside_it()
    {
        var app = Deployment.FunctionApp();
        var identity = Deployment.AppIdentityId();

        Assert.Equal("UserAssigned", PredictedDeployment.Text(app, "identity.type"));
        Assert.Contains(Deployment.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"), i => PredictedDeployment.Id(i) == identity);
        Assert.Equal(
            new[] { identity, Deployment.DeploymentIdentityId() }.Order(StringComparer.Ordinal),
            PredictedDeployment.Node(app, "identity.userAssignedIdentities").AsObject().Select(i => i.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("container:$web", BuiltInRoles.StorageBlobDataContributor)]
    [InlineData("container:posts-payloads", BuiltInRoles.StorageBlobDataContributor)]
    [InlineData("container:azure-webjobs-hosts", BuiltInRoles.StorageBlobDataContributor)]
    [InlineData("storage", BuiltInRoles.StorageTableDataContributor)]
    [InlineData("queue", BuiltInRoles.ServiceBusDataSender)]
    [InlineData("queue", BuiltInRoles.ServiceBusDataReceiver)]
    [InlineData("insights", BuiltInRoles.MonitoringMetricsPublisher)]
    [InlineData("vault", BuiltInRoles.KeyVaultSecretsUser)]
    [InlineData("keys", BuiltInRoles.KeyVaultSecretsOfficer)]
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
    public void The_identity_holds_no_other_role_and_none_on_the_whole_account_s_blobs_or_the_app_package()
    {
        (string Resource, string Role)[] allowed =
        [
            ("container:$web", BuiltInRoles.StorageBlobDataContributor),
            ("container:posts-payloads", BuiltInRoles.StorageBlobDataContributor),
            ("container:azure-webjobs-hosts", BuiltInRoles.StorageBlobDataContributor),
            ("storage", BuiltInRoles.StorageTableDataContributor),
            ("queue", BuiltInRoles.ServiceBusDataSender),
            ("queue", BuiltInRoles.ServiceBusDataReceiver),
            ("insights", BuiltInRoles.MonitoringMetricsPublisher),
            ("vault", BuiltInRoles.KeyVaultSecretsUser),
            ("keys", BuiltInRoles.KeyVaultSecretsOfficer),
        ];

        var held = Deployment.RoleAssignments.Where(a => Deployment.IsAppIdentityPrincipal(a.PrincipalId)).Select(a => $"{a.Scope} {a.RoleDefinition}").ToList();

        Assert.Equal(allowed.Select(a => $"{ScopeId(a.Resource)} {a.Role}").Order(StringComparer.Ordinal), held.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(held, h => h.StartsWith(ScopeId("container:app-package"), StringComparison.Ordinal));
        Assert.DoesNotContain(held, h => h.Contains(BuiltInRoles.StorageBlobDataOwner, StringComparison.Ordinal));
    }

    [Fact]
    public void The_deployment_identity_may_write_the_package_container_and_nothing_else()
    {
        var deploymentIdentity = Deployment.DeploymentIdentityId();

        var held = Deployment.RoleAssignments.Where(a => PredictedDeployment.IsReference(a.PrincipalId, deploymentIdentity, "principalId")).ToList();

        var assignment = Assert.Single(held);
        Assert.Equal(BuiltInRoles.StorageBlobDataContributor, assignment.RoleDefinition);
        Assert.Equal(ScopeId("container:app-package"), assignment.Scope);
    }

    [Theory]
    [InlineData("storage", BuiltInRoles.StorageBlobDataContributor)]
    [InlineData("storage", BuiltInRoles.StorageTableDataContributor)]
    [InlineData("storage", BuiltInRoles.StorageQueueDataContributor)]
    [InlineData("queue", BuiltInRoles.ServiceBusDataSender)]
    [InlineData("queue", BuiltInRoles.ServiceBusDataReceiver)]
    [InlineData("vault", BuiltInRoles.KeyVaultSecretsOfficer)]
    [InlineData("keys", BuiltInRoles.KeyVaultSecretsUser)]
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
        "keys" => Deployment.FunctionKeysVault(),
        _ when resource.StartsWith("container:", StringComparison.Ordinal) => Deployment.Container(resource["container:".Length..]),
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Not a resource with role assignments."),
    });
}
