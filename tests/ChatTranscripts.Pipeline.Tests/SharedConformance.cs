using System.Runtime.CompilerServices;

namespace ChatTranscripts.Pipeline.Tests;

/// <summary>
/// Finds the other projects' conformance data in ../shared/conformance beside the repository. Tests skip when it
/// is absent, except on CI (CI=true), where it must be there.
/// </summary>
internal static class SharedConformance
{
    private static readonly Lazy<string?> Root = new(() => Locate(AppContext.BaseDirectory) ?? Locate(SourceDirectory()));

    /// <summary>The path of a conformance file, or null when the folder is not beside this checkout.</summary>
    public static string? Find(params string[] relativePath)
    {
        if (Root.Value is not { } root)
        {
            return null;
        }
        var path = Path.Combine([root, .. relativePath]);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The path of a conformance file; skips the calling test (fails it on CI) when the file is absent.</summary>
    public static string Require(params string[] relativePath)
    {
        if (Find(relativePath) is { } path)
        {
            return path;
        }
        var message = $"{Path.Combine(relativePath)} is not in ../shared/conformance beside this checkout.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " CI requires it.");
        }
        Assert.Skip(message + " Clone the project with shared/ beside it to run this test.");
        return "";
    }

    private static string? Locate(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                var shared = Path.Combine(directory.FullName, "..", "shared", "conformance");
                return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }
        return null;
    }

    /// <summary>Builds with --artifacts-path put the test assembly outside the checkout; the folder this file was compiled from is still inside it.</summary>
    private static string SourceDirectory([CallerFilePath] string sourceFile = "") =>
        Path.GetDirectoryName(sourceFile) ?? AppContext.BaseDirectory;
}
