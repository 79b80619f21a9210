using ChatTranscripts.Testing;

namespace ChatTranscripts.IntegrationTests.Hosts;

/// <summary>The settings both hosts start with: names of their own on the shared Azurite, a signing secret, no publish delay.</summary>
public static class ChatHostSettings
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /// <param name="overrides">Settings that replace the defaults; a null value removes one.</param>
    public static Dictionary<string, string> Create(AzuriteFixture azurite, string prefix, IReadOnlyDictionary<string, string?>? overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Queue:Name"] = "posts" + prefix.ToLowerInvariant(),
            ["Publishing:Container"] = "web" + prefix.ToLowerInvariant(),
            ["Publishing:Delay"] = "00:00:00",
            ["Webhooks:Secret"] = Secret,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        return values.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!);
    }
}
