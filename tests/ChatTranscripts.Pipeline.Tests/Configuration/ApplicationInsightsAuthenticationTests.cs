using Azure.Identity;
using ChatTranscripts.Pipeline.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatTranscripts.Pipeline.Tests.Configuration;

public sealed class ApplicationInsightsAuthenticationTests
{
    private const string ClientId = "6c1f3bd6-6a5e-4c16-9e3b-2f0d0b8a4e11";

    [Theory]
    [InlineData($"ClientId={ClientId};Authorization=AAD", ClientId)]
    [InlineData($"Authorization=AAD;ClientId={ClientId}", ClientId)]
    [InlineData($" clientid = {ClientId} ; authorization = aad ;", ClientId)]
    [InlineData("Authorization=AAD", null)]
    public void The_settings_azure_documents_are_read(string setting, string? clientId)
    {
        Assert.True(ApplicationInsightsAuthentication.TryParse(setting, out var parsed));
        Assert.Equal(clientId, parsed);
    }

    [Theory]
    [InlineData($"ClientId={ClientId}")]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=id-chat-transcripts;Authorization=AAD")]
    [InlineData($"ClientId={ClientId};Authorization=AAD;Tenant=x")]
    [InlineData("AAD")]
    public void Anything_else_is_refused(string setting)
    {
        Assert.False(ApplicationInsightsAuthentication.TryParse(setting, out _));
    }

    [Fact]
    public void The_worker_signs_in_as_the_named_identity_and_not_at_all_without_the_setting()
    {
        var configured = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ApplicationInsightsAuthentication.SettingName] = $"ClientId={ClientId};Authorization=AAD" })
            .Build();

        Assert.IsType<ManagedIdentityCredential>(ApplicationInsightsAuthentication.CredentialFrom(configured));
        Assert.Null(ApplicationInsightsAuthentication.CredentialFrom(new ConfigurationBuilder().Build()));
    }
}
