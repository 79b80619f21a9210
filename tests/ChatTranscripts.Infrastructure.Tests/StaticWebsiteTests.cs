namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>The deployment itself switches the static website on, and the app publishes to and links to it.</summary>
public sealed class StaticWebsiteTests(InfrastructureTemplate template)
{
    private PredictedDeployment Deployment => template.Deployment;

    [Fact]
    public void A_deployment_script_switches_the_static_website_on_by_default()
    {
        var script = Deployment.SetupScript();
        var content = PredictedDeployment.Text(script, "properties.scriptContent");

        Assert.Equal("AzureCLI", PredictedDeployment.Text(script, "kind"));
        Assert.Contains("az storage blob service-properties update", content, StringComparison.Ordinal);
        Assert.Contains("--static-website", content, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"--static-website[\s\\]+(false|no|off|0)\b", content);
        Assert.Contains("--index-document", content, StringComparison.Ordinal);
        Assert.Contains("--auth-mode login", content, StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "scripts", "enable-static-website.sh")).ReplaceLineEndings("\n"),
            content.ReplaceLineEndings("\n"));
        Assert.Equal("true", PredictedDeployment.Text(template.Compiled, "parameters.enableStaticWebsite.defaultValue"));
    }

    [Fact]
    public void The_script_targets_the_pipeline_storage_account_with_index_html_as_index()
    {
        var variables = PredictedDeployment.Node(Deployment.SetupScript(), "properties.environmentVariables").AsArray()
            .ToDictionary(v => PredictedDeployment.Text(v, "name"), v => PredictedDeployment.Text(v, "value"), StringComparer.Ordinal);

        Assert.Equal(PredictedDeployment.Text(Deployment.StorageAccount(), "name"), variables["STORAGE_ACCOUNT"]);
        Assert.Equal("index.html", variables["INDEX_DOCUMENT"]);
    }

    [Fact]
    public void The_script_runs_as_its_own_identity_allowed_to_set_blob_service_properties_on_that_account_only()
    {
        var scriptIdentity = Assert.Single(PredictedDeployment.Node(Deployment.SetupScript(), "identity.userAssignedIdentities").AsObject()).Key;
        var storage = PredictedDeployment.Id(Deployment.StorageAccount());

        Assert.NotEqual(Deployment.AppIdentityId(), scriptIdentity);
        var held = Deployment.RoleAssignments.Where(a => PredictedDeployment.IsReference(a.PrincipalId, scriptIdentity, "principalId")).ToList();
        var assignment = Assert.Single(held);
        Assert.Equal(storage, assignment.Scope);
        // Storage Account Contributor would also let it list the keys and switch shared keys back on.
        Assert.NotEqual(BuiltInRoles.StorageAccountContributor, assignment.RoleDefinition);
        var role = Assert.Single(Deployment.OfType("Microsoft.Authorization/roleDefinitions"), r => PredictedDeployment.Id(r).EndsWith("/" + assignment.RoleDefinition, StringComparison.Ordinal));
        var permissions = Assert.Single(PredictedDeployment.Node(role, "properties.permissions").AsArray());
        Assert.Equal(
            ["Microsoft.Storage/storageAccounts/blobServices/read", "Microsoft.Storage/storageAccounts/blobServices/write"],
            PredictedDeployment.Node(permissions, "actions").AsArray().Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty(PredictedDeployment.Node(permissions, "dataActions").AsArray());
        Assert.Equal(
            [$"/subscriptions/{InfrastructureTemplate.SubscriptionId}/resourceGroups/{InfrastructureTemplate.ResourceGroup}"],
            PredictedDeployment.Node(role, "properties.assignableScopes").AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void The_script_waits_for_its_role_assignment()
    {
        var script = FindCompiled("Microsoft.Resources/deploymentScripts");
        var dependencies = PredictedDeployment.Node(script, "dependsOn").AsArray().Select(d => d!.GetValue<string>()).ToList();

        Assert.Contains(dependencies, d => d.Contains("Microsoft.Authorization/roleAssignments", StringComparison.Ordinal));
    }

    [Fact]
    public void Transcript_urls_and_the_site_output_use_the_static_website_endpoint()
    {
        var storage = PredictedDeployment.Id(Deployment.StorageAccount());

        Assert.True(PredictedDeployment.IsReference(Deployment.AppSettings().Setting("Publishing__SiteBaseUrl"), storage, "primaryEndpoints.web"));
        Assert.True(PredictedDeployment.IsReference(PredictedDeployment.Text(Deployment.Outputs, "STATIC_WEBSITE_URL"), storage, "primaryEndpoints.web"));
    }

    private System.Text.Json.Nodes.JsonObject FindCompiled(string type)
    {
        var module = PredictedDeployment.Node(template.Compiled, "resources").AsArray()
            .Select(r => r!.AsObject())
            .Single(r => r["name"]?.GetValue<string>() == "static-website");
        return PredictedDeployment.Node(module, "properties.template.resources").AsArray()
            .Select(r => r!.AsObject())
            .Single(r => PredictedDeployment.Text(r, "type") == type);
    }
}
