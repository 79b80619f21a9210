using System.Diagnostics;
using System.Security.Cryptography;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// Installs the pinned Azurite (package-lock.json beside this app) with <c>npm ci</c> into a per-user cache folder
/// named after the lock file's hash, once; concurrent first runs (parallel test processes) wait for each other.
/// </summary>
public static class AzuriteInstallation
{
    public const string HomeVariable = "CHATTRANSCRIPTS_AZURITE_HOME";
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Returns the path of Azurite's entry script, installing it first if needed.</summary>
    public static async Task<string> EnsureInstalledAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "Azurite");
        var home = Home(await File.ReadAllBytesAsync(Path.Combine(manifest, "package-lock.json"), cancellationToken));
        var entry = EntryScript(home);
        if (File.Exists(entry))
        {
            return entry;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(home)!);
            await using var crossProcess = await AcquireLockAsync(home + ".lock", cancellationToken);
            if (File.Exists(entry))
            {
                return entry;
            }
            var staging = $"{home}.staging-{Guid.NewGuid():N}";
            Directory.CreateDirectory(staging);
            File.Copy(Path.Combine(manifest, "package.json"), Path.Combine(staging, "package.json"));
            File.Copy(Path.Combine(manifest, "package-lock.json"), Path.Combine(staging, "package-lock.json"));
            logger?.LogInformation("Installing Azurite with npm into {Folder} (first run only)", home);
            await RunNpmCiAsync(staging, cancellationToken);
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }
            Directory.Move(staging, home);
            return entry;
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static string Home(byte[] lockFile)
    {
        var configured = Environment.GetEnvironmentVariable(HomeVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
        {
            cache = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }
        var version = Convert.ToHexString(SHA256.HashData(lockFile))[..12].ToLowerInvariant();
        return Path.Combine(cache, "chattranscripts", $"azurite-{version}");
    }

    private static string EntryScript(string home) => Path.Combine(home, "node_modules", "azurite", "dist", "src", "azurite.js");

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(string folder, CancellationToken cancellationToken)
    {
        var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm. Is Node.js installed?");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci for Azurite failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
