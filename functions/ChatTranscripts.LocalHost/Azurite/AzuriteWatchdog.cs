using System.Reflection;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// The script (parent-watchdog.cjs, loaded into Node before Azurite) that stops Azurite through its own shutdown once
/// the .NET process that owns it is gone, however that process ended.
/// </summary>
public static class AzuriteWatchdog
{
    /// <summary>Tells the watchdog whose death should end Azurite.</summary>
    public const string OwnerVariable = "CHATTRANSCRIPTS_AZURITE_PARENT_PID";

    private const string FileName = "parent-watchdog.cjs";

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"{FileName} is not embedded in the local host.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Writes the watchdog next to the installation (atomically, since parallel starts may race) and returns its path.</summary>
    public static async Task<string> EnsureWrittenAsync(string home, CancellationToken cancellationToken)
    {
        var path = Path.Combine(home, FileName);
        if (File.Exists(path) && string.Equals(await File.ReadAllTextAsync(path, cancellationToken), Script.Value, StringComparison.Ordinal))
        {
            return path;
        }
        var staging = $"{path}.{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(staging, Script.Value, cancellationToken);
        File.Move(staging, path, overwrite: true);
        return path;
    }
}
