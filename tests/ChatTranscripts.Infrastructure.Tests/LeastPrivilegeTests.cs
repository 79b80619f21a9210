namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>The ways in that the app does not use are closed, and a webhook secret cannot be weak.</summary>
public sealed class LeastPrivilegeTests(InfrastructureTemplate template)
{
    private PredictedDeployment Deployment => template.Deployment;

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void Basic_authentication_publishing_is_off(string endpoint)
    {
        var policy = Assert.Single(
            Deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            p => PredictedDeployment.Text(p, "name").EndsWith("/" + endpoint, StringComparison.Ordinal));

        Assert.False(PredictedDeployment.Node(policy, "properties.allow").GetValue<bool>());
    }

    [Fact]
    public void The_webhook_secret_must_hold_24_to_64_key_bytes()
    {
        var parameter = PredictedDeployment.Node(template.Compiled, "parameters.webhookSecret");

        // "whsec_" and the base64 of 24 bytes (32 characters), up to that of 64 bytes (88 characters).
        Assert.Equal(6 + 32, parameter["minLength"]!.GetValue<int>());
        Assert.Equal(6 + 88, parameter["maxLength"]!.GetValue<int>());
    }

    [Fact]
    public void Nobody_is_given_storage_account_contributor()
    {
        Assert.DoesNotContain(Deployment.RoleAssignments, a => a.RoleDefinition == BuiltInRoles.StorageAccountContributor);
    }

    [Fact]
    public void The_app_is_told_it_runs_in_azure_so_its_start_up_checks_are_on()
    {
        Assert.Equal("true", Deployment.AppSettings().Setting("Deployment__InAzure"));
    }
}
