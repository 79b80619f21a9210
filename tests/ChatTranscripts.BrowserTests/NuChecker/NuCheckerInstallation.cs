using ChatTranscripts.LocalHost.Npm;

namespace ChatTranscripts.BrowserTests.NuChecker;

/// <summary>
/// The pinned W3C Nu Html Checker (npm's <c>vnu-jar</c>, package.json and package-lock.json beside this assembly),
/// installed like Azurite: <c>npm ci</c> into a per-user cache folder named after the lock file's hash, on first use.
/// </summary>
public static class NuCheckerInstallation
{
    /// <summary>Overrides the folder the checker is installed into (the default is under <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>).</summary>
    public const string HomeVariable = "CHATTRANSCRIPTS_VNU_HOME";

    private static readonly NpmCacheInstallation Package = new()
    {
        DisplayName = "The Nu Html Checker",
        CacheName = "vnu",
        ManifestFolder = Path.Combine(AppContext.BaseDirectory, "NuChecker"),
        EntryPath = Path.Combine("node_modules", "vnu-jar", "build", "dist", "vnu.jar"),
        HomeVariable = HomeVariable,
        Requirement = "Node.js 20 or later (with npm) to install it",
        // The package's install script downloads a Java runtime when none is found; these tests use the machine's.
        IgnoreScripts = true,
    };

    /// <summary>The path of vnu.jar, installing it first if needed.</summary>
    public static async Task<string> JarAsync(CancellationToken cancellationToken) =>
        Package.EntryFile(await Package.EnsureInstalledAsync(logger: null, cancellationToken));
}
