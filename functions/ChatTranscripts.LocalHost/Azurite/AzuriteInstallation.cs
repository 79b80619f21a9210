using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// Installs the pinned Azurite (package.json and package-lock.json beside this app) with <c>npm ci</c> into a
/// per-user cache folder named after the lock file's hash, once. Concurrent first runs (parallel test processes)
/// wait for each other on a lock file, and npm works in a staging folder that is renamed into place only when
/// complete, so a half-finished install is never mistaken for a finished one.
/// </summary>
public static class AzuriteInstallation
{
    /// <summary>Overrides the folder Azurite is installed into (the default is under <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>).</summary>
    public const string HomeVariable = "CHATTRANSCRIPTS_AZURITE_HOME";

    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Where the manifests ship: the app's output folder.</summary>
    public static string ManifestFolder => Path.Combine(AppContext.BaseDirectory, "Azurite");

    /// <summary>Returns the folder holding <c>node_modules/azurite</c>, installing it first if needed.</summary>
    public static async Task<string> EnsureInstalledAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(ManifestFolder, "package-lock.json");
        if (!File.Exists(lockFile))
        {
            throw new InvalidOperationException($"Azurite's package-lock.json is missing from {ManifestFolder}; the build copies it there.");
        }
        var home = Home(await File.ReadAllBytesAsync(lockFile, cancellationToken));
        if (File.Exists(EntryScript(home)))
        {
            return home;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(home)!);
            await using var crossProcess = await AcquireLockAsync(home + ".lock", cancellationToken);
            if (File.Exists(EntryScript(home)))
            {
                return home;
            }
            var staging = $"{home}.staging-{Guid.NewGuid():N}";
            try
            {
                Directory.CreateDirectory(staging);
                File.Copy(Path.Combine(ManifestFolder, "package.json"), Path.Combine(staging, "package.json"));
                File.Copy(lockFile, Path.Combine(staging, "package-lock.json"));
                logger?.LogInformation("Installing Azurite with npm into {Folder} (first run only)", home);
                await RunNpmCiAsync(staging, cancellationToken);
                if (!File.Exists(EntryScript(staging)))
                {
                    throw new InvalidOperationException($"npm ci finished, but {EntryScript(staging)} is missing: has the Azurite package changed its layout?");
                }
                if (Directory.Exists(home))
                {
                    // An earlier install that lost its entry script: replace it whole.
                    Directory.Delete(home, recursive: true);
                }
                Directory.Move(staging, home);
                return home;
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    /// <summary>Azurite's command-line entry point inside an installation.</summary>
    public static string EntryScript(string home) => Path.Combine(home, "node_modules", "azurite", "dist", "src", "azurite.js");

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
        var version = Convert.ToHexStringLower(SHA256.HashData(lockFile))[..12];
        return Path.Combine(cache, "chattranscripts", $"azurite-{version}");
    }

    /// <summary>
    /// An exclusive open of a lock file, which the operating system releases when the process dies. The file itself
    /// stays: deleting it on close would let a waiter lock the old file while a newcomer locks a new one.
    /// </summary>
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(string folder, CancellationToken cancellationToken)
    {
        var npm = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(argument);
        }
        using var process = StartTool(npm, "npm");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci for Azurite failed with exit code {process.ExitCode}: {await errors}{await output}");
        }
    }

    /// <summary>Starts Node.js or npm, with an error that says what to install when it is not on the PATH.</summary>
    internal static Process StartTool(ProcessStartInfo start, string tool)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start {tool}: Azurite needs Node.js 20 or later (with npm) on the PATH.", e);
        }
    }
}
