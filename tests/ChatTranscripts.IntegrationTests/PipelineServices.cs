using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatTranscripts.IntegrationTests;

/// <summary>The pipeline's services as the Functions app registers them, on the shared Azurite with names of their own.</summary>
public static class PipelineServices
{
    /// <param name="configure">Registrations that take precedence over the pipeline's defaults, such as a fake clock.</param>
    public static ServiceProvider Create(
        AzuriteFixture azurite,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null) =>
        Create(azurite, settings, configure is null ? null : (services, _) => configure(services));

    /// <param name="configure">Registrations that take precedence over the pipeline's defaults, given the configuration.</param>
    public static ServiceProvider Create(
        AzuriteFixture azurite,
        IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection, IConfiguration>? configure)
    {
        var prefix = azurite.UniquePrefix();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Queue:Name"] = "posts" + prefix.ToLowerInvariant(),
            ["Publishing:Container"] = "web" + prefix.ToLowerInvariant(),
            ["Publishing:Delay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddRouting();
        configure?.Invoke(services, configuration);
        services.AddChatTranscripts(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
