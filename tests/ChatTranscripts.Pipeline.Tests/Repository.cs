namespace ChatTranscripts.Pipeline.Tests;

/// <summary>The checkout the tests run in: files that tests hold the code to (docs/api.md, docs/openapi.json, README.md).</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Serverless.sln, above the test assembly.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(params string[] relativePath) => Path.Combine([Root, .. relativePath]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The tests do not run inside the repository.");
    }
}
