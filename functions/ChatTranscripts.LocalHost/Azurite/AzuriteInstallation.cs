using System.Diagnostics;
using ChatTranscripts.LocalHost.Npm;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// The pinned Azurite (package.json and package-lock.json beside this app), installed with <c>npm ci</c> into a
/// per-user cache folder on first use; <see cref="NpmCacheInstallation"/> says how parallel first runs stay safe.
/// </summary>
public static class AzuriteInstallation
{
    /// <summary>Overrides the folder Azurite is installed into (the default is under <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>).</summary>
    public const string HomeVariable = "CHATTRANSCRIPTS_AZURITE_HOME";

    private static readonly NpmCacheInstallation Package = new()
    {
        DisplayName = "Azurite",
        CacheName = "azurite",
        ManifestFolder = ManifestFolder,
        EntryPath = Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js"),
        HomeVariable = HomeVariable,
        Requirement = "Node.js 20 or later (with npm)",
    };

    /// <summary>Where the manifests ship: the app's output folder.</summary>
    public static string ManifestFolder => Path.Combine(AppContext.BaseDirectory, "Azurite");

    /// <summary>Returns the folder holding <c>node_modules/azurite</c>, installing it first if needed.</summary>
    public static Task<string> EnsureInstalledAsync(ILogger? logger, CancellationToken cancellationToken) =>
        Package.EnsureInstalledAsync(logger, cancellationToken);

    /// <summary>Azurite's command-line entry point inside an installation.</summary>
    public static string EntryScript(string home) => Package.EntryFile(home);

    /// <summary>Starts Node.js or npm, with an error that says what to install when it is not on the PATH.</summary>
    internal static Process StartTool(ProcessStartInfo start, string tool) => Package.StartTool(start, tool);
}
