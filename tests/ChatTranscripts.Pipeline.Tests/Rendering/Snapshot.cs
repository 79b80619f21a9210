using System.Runtime.CompilerServices;

namespace ChatTranscripts.Pipeline.Tests.Rendering;

/// <summary>
/// Compares a text with its committed snapshot, <c>Snapshots/{name}.verified.{ext}</c> beside the calling test's source.
/// On a difference, or when no snapshot is committed yet, it writes <c>{name}.received.{ext}</c> next to it and fails
/// (so a snapshot is never accepted unseen); with <c>UPDATE_SNAPSHOTS=1</c> it accepts the text as the new snapshot.
/// Line endings are compared as LF, so a checkout that converts them does not fail every snapshot.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";

    /// <param name="fileName">The snapshot's name and extension, such as <c>threaded.html</c>.</param>
    public static void Verify(string received, string fileName, [CallerFilePath] string sourceFile = "") =>
        Verify(Folder(sourceFile), fileName, received, accept: Environment.GetEnvironmentVariable(UpdateVariable) == "1");

    public static void Verify(string folder, string fileName, string received, bool accept)
    {
        var extension = Path.GetExtension(fileName);
        var name = Path.GetFileNameWithoutExtension(fileName);
        var verifiedPath = Path.Combine(folder, $"{name}.verified{extension}");
        var receivedPath = Path.Combine(folder, $"{name}.received{extension}");
        received = received.ReplaceLineEndings("\n");

        if (accept)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }
        if (!File.Exists(verifiedPath))
        {
            Write(receivedPath, received);
            Assert.Fail(
                $"No snapshot {verifiedPath} yet. Review {receivedPath}; if it is right, rename it to " +
                $"{Path.GetFileName(verifiedPath)} or run the tests with {UpdateVariable}=1.");
        }
        var verified = File.ReadAllText(verifiedPath).ReplaceLineEndings("\n");
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }
        Write(receivedPath, received);
        Assert.Fail(
            $"{fileName} differs from its snapshot. If the change is intended, accept it with {UpdateVariable}=1 " +
            $"(or copy {receivedPath} over {verifiedPath}).\n" +
            (LineDiff.Describe(verified, received, verifiedPath, receivedPath) ?? "(the texts differ only in line endings)"));
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>
    /// The Snapshots folder beside the test's source file. A build that maps source paths (deterministic CI builds) leaves
    /// a path that does not exist here; then the folder is found from the checkout around the test assembly or the
    /// current directory. Never a guess elsewhere: a snapshot written where nobody looks would hide a failure.
    /// </summary>
    private static string Folder(string sourceFile)
    {
        var sourceFolder = Path.GetDirectoryName(sourceFile);
        if (!string.IsNullOrEmpty(sourceFolder) && Directory.Exists(sourceFolder))
        {
            return Path.Combine(sourceFolder, "Snapshots");
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
                {
                    return Path.Combine(directory.FullName, "tests", "ChatTranscripts.Pipeline.Tests", "Rendering", "Snapshots");
                }
            }
        }
        Assert.Fail($"Cannot find the Snapshots folder: {sourceFile} does not exist here and no checkout surrounds the tests.");
        return "";
    }
}
