using ChatTranscripts.Pipeline.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatTranscripts.Pipeline.Tests.Configuration;

/// <summary>A host composed as the Functions app composes itself (Program.cs): the pipeline, then the deployment environment.</summary>
internal static class ComposedAsFunctionsApp
{
    public static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddChatTranscripts(builder.Configuration);
        builder.Services.AddDeploymentEnvironment(builder.Configuration);
        return builder.Build();
    }
}
