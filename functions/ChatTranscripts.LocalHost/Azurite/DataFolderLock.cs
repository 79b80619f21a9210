using System.Diagnostics;
using System.Globalization;

namespace ChatTranscripts.LocalHost.Azurite;

/// <summary>
/// A data folder's record of the Azurite using it and of that Azurite's owner, so that a new run on the folder waits
/// until the last one has saved its data and exited.
/// </summary>
public static class DataFolderLock
{
    /// <summary>In the data folder: the process ids of the Azurite using it and of its owner.</summary>
    private const string ProcessIdFile = "chattranscripts-azurite.pid";

    /// <summary>How long a new Azurite waits for the last one on its data folder to save and exit before stopping it.</summary>
    private static readonly TimeSpan EarlierRunExit = TimeSpan.FromSeconds(60);

    public static string FileIn(string dataFolder) => Path.Combine(dataFolder, ProcessIdFile);

    public static void Record(string file, int azuriteProcessId, int ownerProcessId) =>
        File.WriteAllText(file, string.Create(CultureInfo.InvariantCulture, $"{azuriteProcessId} {ownerProcessId}"));

    /// <summary>
    /// Waits while an Azurite started on <paramref name="dataFolder"/> by an earlier run whose owner is gone is still
    /// saving, as one whose owner was killed is for a moment; one that will not exit within a minute is killed. An
    /// Azurite whose owner still runs is left alone: it is in use, and its ports tell the caller so.
    /// </summary>
    public static async Task WaitForEarlierRunAsync(string dataFolder, ILogger? logger, CancellationToken cancellationToken)
    {
        var file = FileIn(dataFolder);
        if (!File.Exists(file))
        {
            return;
        }
        var ids = (await File.ReadAllTextAsync(file, cancellationToken)).Split(' ');
        if (ids.Length != 2
            || !int.TryParse(ids[0], NumberStyles.None, CultureInfo.InvariantCulture, out var earlier)
            || !int.TryParse(ids[1], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
            || IsRunning(owner))
        {
            return;
        }
        var deadline = DateTime.UtcNow + EarlierRunExit;
        if (IsRunning(earlier, "node"))
        {
            logger?.LogInformation("Waiting for the Azurite of an earlier run (process {ProcessId}) to save its data and exit", earlier);
        }
        while (IsRunning(earlier, "node"))
        {
            if (DateTime.UtcNow > deadline)
            {
                logger?.LogWarning("The Azurite of an earlier run (process {ProcessId}) did not exit within {Timeout}; stopping it", earlier, EarlierRunExit);
                using var stuck = Process.GetProcessById(earlier);
                stuck.Kill();
                deadline = DateTime.MaxValue;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        Forget(file, earlier);
    }

    /// <summary>
    /// A live process with this id (and this name, when given). On Linux, /proc also tells a zombie (exited, not yet
    /// reaped by whoever adopted it) from a live process.
    /// </summary>
    private static bool IsRunning(int processId, string? name = null)
    {
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
                var command = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                var state = stat[stat.LastIndexOf(')') + 2];
                return (name is null || command == name) && state is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && (name is null || process.ProcessName == name);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Removes the record, if it is still this Azurite's.</summary>
    public static void Forget(string? file, int processId)
    {
        if (file is not null && File.Exists(file) && File.ReadAllText(file).Split(' ')[0] == processId.ToString(CultureInfo.InvariantCulture))
        {
            File.Delete(file);
        }
    }
}
