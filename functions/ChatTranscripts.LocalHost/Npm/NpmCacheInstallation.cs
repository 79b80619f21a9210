using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace ChatTranscripts.LocalHost.Npm;

/// <summary>
/// A pinned npm package (a package.json and package-lock.json shipped beside an app) installed with <c>npm ci</c>
/// into a per-user cache folder named after the lock file's hash, once. Concurrent first runs (parallel test
/// processes) wait for each other on a lock file, and npm works in a staging folder that is renamed into place only
/// when complete, so a half-finished install is never mistaken for a finished one. A changed lock file gets a new
/// folder, so an upgrade never runs an old installation.
/// </summary>
public sealed class NpmCacheInstallation
{
    /// <summary>One gate per installation folder, so threads of this process wait here rather than polling the lock file.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new(StringComparer.Ordinal);

    /// <summary>How messages name the package, such as "Azurite".</summary>
    public required string DisplayName { get; init; }

    /// <summary>The cache folder's name before the lock file's hash, such as "azurite".</summary>
    public required string CacheName { get; init; }

    /// <summary>Where package.json and package-lock.json ship: a folder of the app's output.</summary>
    public required string ManifestFolder { get; init; }

    /// <summary>A file, relative to the installation folder, that exists only once the package is installed whole.</summary>
    public required string EntryPath { get; init; }

    /// <summary>An environment variable that overrides the installation folder (the default is under <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>).</summary>
    public required string HomeVariable { get; init; }

    /// <summary>What the package needs on the PATH besides npm, said when a tool cannot start, such as "Node.js 20 or later (with npm)".</summary>
    public required string Requirement { get; init; }

    /// <summary>Skips the packages' install scripts, for a package whose script would download what the machine already has.</summary>
    public bool IgnoreScripts { get; init; }

    /// <summary>Returns the installation folder, installing the package into it first if needed.</summary>
    public async Task<string> EnsureInstalledAsync(ILogger? logger, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(ManifestFolder, "package-lock.json");
        if (!File.Exists(lockFile))
        {
            throw new InvalidOperationException($"{DisplayName}'s package-lock.json is missing from {ManifestFolder}; the build copies it there.");
        }
        var home = Home(await File.ReadAllBytesAsync(lockFile, cancellationToken));
        if (File.Exists(EntryFile(home)))
        {
            return home;
        }

        var gate = InProcess.GetOrAdd(home, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(home)!);
            await using var crossProcess = await AcquireLockAsync(home + ".lock", cancellationToken);
            if (File.Exists(EntryFile(home)))
            {
                return home;
            }
            var staging = $"{home}.staging-{Guid.NewGuid():N}";
            try
            {
                Directory.CreateDirectory(staging);
                File.Copy(Path.Combine(ManifestFolder, "package.json"), Path.Combine(staging, "package.json"));
                File.Copy(lockFile, Path.Combine(staging, "package-lock.json"));
                logger?.LogInformation("Installing {Package} with npm into {Folder} (first run only)", DisplayName, home);
                await RunNpmCiAsync(staging, cancellationToken);
                if (!File.Exists(EntryFile(staging)))
                {
                    throw new InvalidOperationException($"npm ci finished, but {EntryFile(staging)} is missing: has the {DisplayName} package changed its layout?");
                }
                if (Directory.Exists(home))
                {
                    // An earlier install that lost its entry file: replace it whole.
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
            gate.Release();
        }
    }

    /// <summary>The file that marks a complete installation in <paramref name="home"/>.</summary>
    public string EntryFile(string home) => Path.Combine(home, EntryPath);

    /// <summary>Starts a tool the package needs, with an error that says what to install when it is not on the PATH.</summary>
    public Process StartTool(ProcessStartInfo start, string tool)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start {tool}: {DisplayName} needs {Requirement} on the PATH.", e);
        }
    }

    private string Home(byte[] lockFile)
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
        return Path.Combine(cache, "chattranscripts", $"{CacheName}-{version}");
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

    private async Task RunNpmCiAsync(string folder, CancellationToken cancellationToken)
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
        if (IgnoreScripts)
        {
            npm.ArgumentList.Add("--ignore-scripts");
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
            throw new InvalidOperationException($"npm ci for {DisplayName} failed with exit code {process.ExitCode}: {await errors}{await output}");
        }
    }
}
