using System.Reflection;

namespace ChatTranscripts.FunctionsHost;

/// <summary>Where the built Functions app is, and whether this build can host it.</summary>
public static class FunctionsApp
{
    /// <summary>The build output of ChatTranscripts.Functions in this build's configuration, as Azure deploys it.</summary>
    public static string Directory { get; } = typeof(FunctionsApp).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FunctionsAppDirectory").Value!;

    /// <summary>False when ../shared/conformance was absent at build time, so the host protocol was not compiled in.</summary>
    public static bool HostProtocolCompiled =>
#if WORKER_PROTOCOL
        true;
#else
        false;
#endif
}
