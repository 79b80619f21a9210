using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatTranscripts.Infrastructure.Tests;

/// <summary>
/// infra/main.bicep compiled once per test run (<c>bicep build</c>, <c>bicep lint</c>) and expanded into the
/// resources a deployment would create (<c>bicep snapshot</c>: the ARM template engine run locally on the compiled
/// template, with modules inlined, parameters and names evaluated, and only values known after deployment left as
/// <c>reference(...)</c> expressions). No Azure account or network is involved.
/// </summary>
public sealed class InfrastructureTemplate : IAsyncLifetime
{
    public const string SubscriptionId = "11111111-1111-4111-8111-111111111111";
    public const string TenantId = "22222222-2222-4222-8222-222222222222";
    public const string DeployerPrincipalId = "33333333-3333-4333-8333-333333333333";
    public const string EnvironmentName = "ci";
    public const string Location = "westeurope";
    public const string ResourceGroup = "rg-" + EnvironmentName;

    /// <summary>A fresh secret each run: the tests check it never appears in any resource or setting.</summary>
    public static string WebhookSecret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public const string XConsumerSecret = "x-consumer-secret-for-tests";

    /// <summary>Fresh function keys each run, likewise checked never to appear in a setting or a resource.</summary>
    public static string SendersFunctionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string OrganisersFunctionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private string? _unavailable;
    private BicepRun? _build;
    private BicepRun? _lint;
    private JsonObject? _compiled;
    private PredictedDeployment? _deployment;

    public BicepRun Build => Ready(_build);

    public BicepRun Lint => Ready(_lint);

    /// <summary>The ARM JSON <c>bicep build</c> wrote.</summary>
    public JsonObject Compiled => Ready(_compiled);

    /// <summary>What deploying the compiled template with the azd parameters would create.</summary>
    public PredictedDeployment Deployment => Ready(_deployment);

    public async ValueTask InitializeAsync()
    {
        // The pinned CLI package is the Linux x64 build (CI's platform); elsewhere the tests that need it skip.
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            _unavailable = $"The pinned Bicep CLI (Azure.Bicep.CommandLine.linux-x64) does not run on {RuntimeInformation.RuntimeIdentifier}.";
            return;
        }
        _build = await BicepCli.RunAsync(BicepCli.InfraDirectory, "build", BicepCli.MainTemplate, "--stdout");
        _lint = await BicepCli.RunAsync(BicepCli.InfraDirectory, "lint", BicepCli.MainTemplate);
        if (_build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed:\n{_build.Errors}");
        }
        _compiled = JsonNode.Parse(_build.Output)?.AsObject() ?? throw new InvalidOperationException("bicep build wrote no template.");
        _deployment = await SnapshotAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>What deploying with these parameters (<c>name = value</c> lines) on top of the azd ones would create.</summary>
    public Task<PredictedDeployment> SnapshotWithAsync(params string[] parameters)
    {
        Ready(_deployment);
        return SnapshotAsync(parameters);
    }

    /// <summary>
    /// The parameters azd passes (infra/main.parameters.json): the environment, a region, the deploying principal
    /// and the secrets, with X configured and Mastodon not, so both branches of the optional secrets are seen.
    /// </summary>
    private static async Task<PredictedDeployment> SnapshotAsync(params string[] extraParameters)
    {
        var directory = Directory.CreateTempSubdirectory("chat-transcripts-infra-");
        try
        {
            // A .bicepparam names its template by a relative path.
            var template = Path.GetRelativePath(directory.FullName, BicepCli.MainTemplate).Replace('\\', '/');
            var parameters = Path.Combine(directory.FullName, "ci.bicepparam");
            var text = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"using '{template}'")
                .AppendLine(CultureInfo.InvariantCulture, $"param environmentName = '{EnvironmentName}'")
                .AppendLine(CultureInfo.InvariantCulture, $"param location = '{Location}'")
                .AppendLine(CultureInfo.InvariantCulture, $"param principalId = '{DeployerPrincipalId}'")
                .AppendLine(CultureInfo.InvariantCulture, $"param webhookSecret = '{WebhookSecret}'")
                .AppendLine(CultureInfo.InvariantCulture, $"param xConsumerSecret = '{XConsumerSecret}'")
                .AppendLine(CultureInfo.InvariantCulture, $"param sendersFunctionKey = '{SendersFunctionKey}'")
                .AppendLine(CultureInfo.InvariantCulture, $"param organisersFunctionKey = '{OrganisersFunctionKey}'")
                .AppendJoin(Environment.NewLine, extraParameters.Select(parameter => "param " + parameter))
                .ToString();
            await File.WriteAllTextAsync(parameters, text);
            var run = await BicepCli.RunAsync(
                directory.FullName,
                "snapshot", parameters, "--mode", "overwrite",
                "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Location);
            var snapshot = Path.Combine(directory.FullName, "ci.snapshot.json");
            if (run.ExitCode != 0 || !File.Exists(snapshot))
            {
                throw new InvalidOperationException($"bicep snapshot failed:\n{run.Output}\n{run.Errors}");
            }
            return PredictedDeployment.Parse(await File.ReadAllTextAsync(snapshot));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The value, or the test is skipped where the CLI cannot run (failed on CI, which must run it).</summary>
    private T Ready<T>(T? value)
        where T : class
    {
        if (_unavailable is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(_unavailable + " CI requires it.");
            }
            Assert.Skip(_unavailable);
        }
        return value ?? throw new InvalidOperationException("The template has not been compiled yet.");
    }
}
