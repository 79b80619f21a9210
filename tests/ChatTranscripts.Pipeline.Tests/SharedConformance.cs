namespace ChatTranscripts.Pipeline.Tests;

/// <summary>
/// Finds the other projects' conformance data in ../shared beside the repository. Tests skip when it is absent,
/// except on CI (CI=true), where it must be there.
/// </summary>
internal static class SharedConformance
{
    public static string Require(params string[] relativePath)
    {
        var folder = Folder();
        if (folder is null)
        {
            var message = "The conformance data in ../shared/conformance is not beside this checkout.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + " CI requires it.");
            }
            Assert.Skip(message + " Clone the project with shared/ beside it to run this test.");
        }
        return Path.Combine([folder, .. relativePath]);
    }

    private static string? Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                var shared = Path.Combine(directory.FullName, "..", "shared", "conformance");
                return Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }
        return null;
    }
}
